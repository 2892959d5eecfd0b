#pragma once
// A stable insertion sort for the short lists the reader orders (a triple's dimensions, candidates, a
// block's doubtful codewords): the order std::stable_sort gives, without its merge code, about 3 KB of
// .wasm for each list type.
#include <utility>

namespace cccd::qr {

template <typename It, typename Less>
void insertion_sort(It first, It last, Less less) {
    if (first == last) return;
    for (It i = first + 1; i != last; ++i)
        for (It j = i; j != first && less(*j, *(j - 1)); --j) std::swap(*j, *(j - 1));
}

}  // namespace cccd::qr
