/// A tiny seeded generator, so every run benchmarks the very same roadmap. The system
/// generator is seeded from the OS and would make runs incomparable.
///
/// SplitMix64 (Steele, Lea, Flood 2014): one add and three xor-shift-multiplies per value.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func pick<T>(_ options: [T]) -> T {
        guard let choice = options.randomElement(using: &self) else {
            fatal("internal error: picked from an empty word list")
        }
        return choice
    }

    /// `count` different elements of `options` (which holds no duplicates), in drawing order.
    mutating func distinct<T: Hashable>(_ count: Int, from options: [T]) -> [T] {
        guard count <= options.count else {
            fatal("internal error: cannot draw \(count) different values from \(options.count)")
        }
        var seen: Set<T> = []
        var drawn: [T] = []
        while drawn.count < count {
            let candidate = pick(options)
            if seen.insert(candidate).inserted { drawn.append(candidate) }
        }
        return drawn
    }
}
