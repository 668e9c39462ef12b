/// Numbers as the command line and the log show them: no trailing zeros, a point as separator;
/// with `fixed`, all `decimals` are written, as a metric's values are (`MetricPrecision`).
public func formatNumber(_ value: Double, signed: Bool = false, decimals: Int = 2, fixed: Bool = false) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if fixed && decimals > 0 && abs(rounded) < 1e15 {
        let units = Int64((abs(rounded) * scale).rounded())
        let digits = String(units)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let sign = rounded < 0 && units > 0 ? "-" : (signed && units > 0 ? "+" : "")
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }
    var text: String
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
        text = String(Int64(rounded))
    } else {
        text = String(rounded)
    }
    if signed && rounded > 0 { text = "+" + text }
    return text
}
