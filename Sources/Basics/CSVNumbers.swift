#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Numbers read straight from a field's bytes, with a decimal comma or point.

// MARK: - Numbers

enum CSVParsed<Value> {
    case empty
    case value(Value)
    case invalid
}

enum CSVNumbers {
    /// Powers of ten that a Double holds exactly; dividing an exact mantissa by one of them is a
    /// single correctly rounded operation, so the fast path gives the same Double as strtod.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    static func decimal(_ field: UnsafeBufferPointer<UInt8>) -> CSVParsed<Double> {
        guard !field.isEmpty else { return .empty }
        var index = 0
        let negative = field[0] == CSVByte.minus
        if negative || field[0] == CSVByte.plus { index = 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var fractionDigits = 0
        var separator = false
        var exact = true
        while index < field.count {
            let byte = field[index]
            let digit = byte &- CSVByte.zero
            if digit < 10 {
                digits += 1
                if separator { fractionDigits += 1 }
                if mantissa == 0, digit == 0 {
                    // Leading zeros are not significant.
                } else if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(digit)
                    significant += 1
                } else {
                    exact = false
                }
            } else if (byte == CSVByte.comma || byte == CSVByte.point) && !separator {
                separator = true
            } else {
                return .invalid
            }
            index += 1
        }
        // "7," and "," are more likely typing errors than numbers.
        guard digits > 0, !separator || fractionDigits > 0 else { return .invalid }
        if exact, mantissa <= 1 << 53, fractionDigits < exactPowers.count {
            let value = Double(mantissa) / exactPowers[fractionDigits]
            return .value(negative ? -value : value)
        }
        let text = String(decoding: field.lazy.map { $0 == CSVByte.comma ? CSVByte.point : $0 }, as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return .invalid }
        return .value(value)
    }

    static func integer(_ field: UnsafeBufferPointer<UInt8>) -> CSVParsed<Int64> {
        guard !field.isEmpty else { return .empty }
        var index = 0
        let negative = field[0] == CSVByte.minus
        if negative || field[0] == CSVByte.plus { index = 1 }
        guard index < field.count else { return .invalid }
        // Accumulating negatively reaches Int64.min, which has no positive counterpart.
        var value: Int64 = 0
        while index < field.count {
            let digit = field[index] &- CSVByte.zero
            guard digit < 10 else { return .invalid }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !overflow, !overflow2 else { return .invalid }
            value = next
            index += 1
        }
        if negative { return .value(value) }
        guard value != Int64.min else { return .invalid }
        return .value(-value)
    }
}
