import Foundation

/// Stops the bench with a message on standard error. The bench is a tool for people:
/// a clear sentence helps more than a stack trace.
func fatal(_ message: String) -> Never {
    // What was printed so far leads up to the failure; it must come out before the message.
    fflush(nil)
    FileHandle.standardError.write(Data("molensloot-bench: \(message)\n".utf8))
    exit(1)
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}

/// `1.5 MiB`, `820 KiB`: sizes people can compare at a glance.
func formatBytes(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
}

func fileSize(_ url: URL) -> Int {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes?[.size] as? NSNumber)?.intValue ?? 0
}

/// The bytes the bench writes; SixSteps keeps its own private.
enum Byte {
    static let lineFeed: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
}
