#pragma once
// Which finders form triples first. The scan lists finders by how many lines confirmed them (finder.hpp),
// but that count grows with size: a finder of 1.3 px modules is crossed by about 9 rows, a guilloche
// look-alike three times its size by 27, and on a textured card such look-alikes push a small symbol's
// finders out of the few that triples are formed from. Their grey image tells them apart: a true finder's
// rings (ISO/IEC 18004:2015 6.3.3) are dark-light-dark at its own module size.
#include <vector>

#include "image/image_view.hpp"
#include "qr/detect/finder.hpp"

namespace cccd::qr {

// When more than `kept` finders are seen whole, reorders them (stably, open ones staying after them) by
// hits times their ring contrast on `gray` (at the best of six turns, 15 degrees apart); otherwise leaves
// the list as it is, since every whole finder is used anyway.
void rank_finders_by_contrast(const image::ImageView& gray, bool inverted, int kept, std::vector<FinderPattern>& finders);

}  // namespace cccd::qr
