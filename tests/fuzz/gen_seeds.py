#!/usr/bin/env python3
"""Makes the seed folders of the QR fuzz targets (run from anywhere; needs qrencode and ffmpeg).

seeds/qr_bitstream: hand-built bit streams of every mode (path byte 0) and qrencode grids as module bits
(path byte 3); seeds/image_decode: small qrencode PNGs, one JPEG of them, and raw frames (two bytes of
width, then rows). The seeds are committed, so CI does not run this.
"""
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CARD = "001099012345|123456789|Nguyễn Văn A|01011990|Nam|12 Lê Lợi, Phường 1, Quận 3, TP. Hồ Chí Minh|15082021"


def bits_to_bytes(bits):
    bits = bits + "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def field(value, width):
    return format(value, "0%db" % width)


def streams():
    """(name, version, bit string) for 7.4's modes, with version 1-9 count widths (Table 3)."""
    alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    num = "0123456789012"
    s_num = "0001" + field(len(num), 10) + "".join(
        field(int(num[i:i + 3]), {3: 10, 2: 7, 1: 4}[len(num[i:i + 3])]) for i in range(0, len(num), 3))
    text = "CCCD-2021 $%"
    s_alnum = "0010" + field(len(text), 9) + "".join(
        field(alnum.index(text[i]) * 45 + alnum.index(text[i + 1]), 11) if i + 1 < len(text)
        else field(alnum.index(text[i]), 6) for i in range(0, len(text), 2))
    raw = CARD.encode()[:60]
    s_byte = "0100" + field(len(raw), 8) + "".join(field(b, 8) for b in raw)
    s_eci = "0111" + field(26, 8) + s_byte  # ECI 26 = UTF-8
    s_kanji = "1000" + field(2, 8) + field(0x1AAA, 13) + field(0x0001, 13)
    s_fnc1 = "0101" + s_alnum
    s_sa = "0011" + field(1, 4) + field(2, 4) + field(0x5A, 8) + s_num
    return [("numeric", 1, s_num), ("alnum", 1, s_alnum), ("byte", 5, s_byte), ("eci-utf8", 5, s_eci),
            ("kanji", 1, s_kanji), ("fnc1", 1, s_fnc1), ("structured-append", 2, s_sa),
            ("mixed", 9, s_num + s_alnum + s_byte)]


def qrencode(args, data):
    return subprocess.run(["qrencode"] + args + ["-o", "-", data], check=True, capture_output=True).stdout


def grid(data, version):
    """Module rows of a qrencode symbol, from its ASCII output without margin (-m 0)."""
    out = qrencode(["-t", "ASCII", "-m", "0", "-v", str(version), "-8"], data).decode()
    return [[1 if row[i:i + 2] == "##" else 0 for i in range(0, len(row), 2)] for row in out.splitlines() if row]


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    bit_dir = os.path.join(HERE, "seeds", "qr_bitstream")
    for name, version, bits in streams():
        write(bit_dir, "stream-" + name, bytes([(version - 1) << 2]) + bits_to_bytes(bits + "0000"))
    for version, text in ((1, CARD[:12]), (2, CARD[:30]), (7, CARD)):
        rows = grid(text, version)
        assert len(rows) == 17 + 4 * version, (version, len(rows))
        flat = [m for row in rows for m in row]
        packed = bytes(sum(flat[i + k] << k for k in range(8) if i + k < len(flat)) for i in range(0, len(flat), 8))
        write(bit_dir, "grid-v%d" % version, bytes([((version - 1) << 2) | 3]) + packed)

    img_dir = os.path.join(HERE, "seeds", "image_decode")
    for scale, level in ((2, "L"), (3, "M"), (2, "H")):
        write(img_dir, "qr-s%d-%s.png" % (scale, level), qrencode(["-t", "PNG", "-s", str(scale), "-m", "2", "-l", level], CARD))
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "in.png")
        jpg = os.path.join(tmp, "out.jpg")
        write(tmp, "in.png", qrencode(["-t", "PNG", "-s", "3", "-m", "2"], CARD[:30]))
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", png, "-q:v", "8", jpg], check=True)
        with open(jpg, "rb") as f:
            write(img_dir, "qr-s3.jpg", f.read())
    for scale in (2, 3):
        rows = grid("0123456789", 1)
        n = len(rows) + 4
        lum = [[255] * (n * scale) for _ in range(n * scale)]
        for y, row in enumerate(rows):
            for x, m in enumerate(row):
                for dy in range(scale):
                    for dx in range(scale):
                        lum[(y + 2) * scale + dy][(x + 2) * scale + dx] = 0 if m else 255
        w = n * scale
        write(img_dir, "raw-s%d" % scale, bytes([w & 0xFF, w >> 8]) + bytes(v for row in lum for v in row))


if __name__ == "__main__":
    main()
