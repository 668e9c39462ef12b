import Basics
import Testing

/// The one number formatter, in the plain style of messages and in a language's style.
@Suite struct FormatTests {
    static let dutch = NumberStyle(decimalSeparator: ",", groupSeparator: ".", minus: "−")

    @Test(arguments: [
        (7.25, 1, false, "7.3", "7,3"),
        (7.0, 2, true, "7.00", "7,00"),
        (7.0, 2, false, "7", "7"),
        (-3.5, 1, false, "-3.5", "−3,5"),
        (-0.004, 2, false, "0", "0"),
        (1234.5, 1, false, "1234.5", "1234,5"),
        (12345.678, 2, false, "12345.68", "12.345,68"),
        (1_234_567, 0, false, "1234567", "1.234.567"),
        (0.999, 2, false, "1", "1"),
    ] as [(Double, Int, Bool, String, String)])
    func plainAndDutch(_ value: Double, _ decimals: Int, _ fixed: Bool, _ plain: String, _ dutch: String) {
        #expect(formatNumber(value, decimals: decimals, fixed: fixed) == plain)
        #expect(formatNumber(value, decimals: decimals, fixed: fixed, style: Self.dutch) == dutch)
    }

    @Test func signsOnlyWhatIsNotZero() {
        #expect(formatNumber(0.5, signed: true, decimals: 1) == "+0.5")
        #expect(formatNumber(0.04, signed: true, decimals: 1) == "0")
        #expect(formatNumber(-2, signed: true, decimals: 0, style: Self.dutch) == "−2")
    }

    /// Values no metric should hold still come out as text, never as a crash on the way to Int64.
    @Test func hugeAndNonFiniteValuesAreWrittenNotTrapped() {
        #expect(formatNumber(1e300, style: Self.dutch) == "1e+300")
        #expect(formatNumber(-9.5e18, decimals: 0) == "-9.5e+18")
        #expect(formatNumber(4e16, decimals: 4) == "4e+16")
        #expect(formatNumber(.nan) == "nan")
        #expect(formatNumber(.infinity) == "inf")
    }
}
