#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SixSteps

/// A municipality's own look: its name, colours and logo, kept in the roadmap file. The colours
/// become CSS custom properties, in the spirit of NL Design System tokens.
public struct Theme: Sendable, Equatable {
    public var name: String?
    /// The colour of the header and of links; white text must be readable on it.
    public var primary: String
    public var logo: Logo?

    public struct Logo: Sendable, Equatable {
        public let fileExtension: String
        public let bytes: [UInt8]
    }

    public static let standard = Theme(name: nil, primary: "#1f4e79", logo: nil)

    /// WCAG asks 4.5:1 for normal text; the header's white text sits on the primary colour.
    public static func contrastWithWhite(_ hex: String) -> Double? { ThemeRules.contrastWithWhite(hex) }

    static func rgb(_ hex: String) -> (Double, Double, Double)? { ThemeRules.rgb(hex) }

    /// A lighter tint of the primary colour for backgrounds.
    var tint: String {
        guard let (r, g, b) = Theme.rgb(primary) else { return "#e8eef5" }
        func mix(_ value: Double) -> String {
            let mixed = Int((value + (255 - value) * 0.88).rounded())
            let hex = String(mixed, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + mix(r) + mix(g) + mix(b)
    }
}
