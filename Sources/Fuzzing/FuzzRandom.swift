/// The seeded generator of every fuzz run: the same seed gives the same inputs, so a failure
/// found once can be found again. SplitMix64 (Steele, Lea, Flood 2014).
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<count`; 0 when `count` is 0 or less.
    public mutating func below(_ count: Int) -> Int {
        count <= 0 ? 0 : Int(next() % UInt64(count))
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True once in `n` times.
    public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    public mutating func pick<T>(_ options: [T]) -> T {
        precondition(!options.isEmpty, "picked from an empty list")
        return options[below(options.count)]
    }

    /// A seed for a sub-run, so that iteration `i` of a run can be replayed alone.
    public static func seed(_ seed: UInt64, iteration: Int) -> UInt64 {
        var mixer = FuzzRandom(seed: seed ^ (UInt64(truncatingIfNeeded: iteration) &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }
}
