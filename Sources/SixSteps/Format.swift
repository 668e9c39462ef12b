/// Numbers as the command line and the log show them: no trailing zeros, a point as separator.
public func formatNumber(_ value: Double, signed: Bool = false, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text: String
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
        text = String(Int64(rounded))
    } else {
        text = String(rounded)
    }
    if signed && rounded > 0 { text = "+" + text }
    return text
}
