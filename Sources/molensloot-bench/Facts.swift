import Foundation

/// What the figures depend on, printed above them so results from two machines are never
/// compared blindly.
func machineFacts(binary: URL) -> [(String, String)] {
    let info = ProcessInfo.processInfo
    var facts: [(String, String)] = [
        ("cores", "\(info.processorCount) (\(info.activeProcessorCount) active)"),
        ("memory", formatBytes(Int(clamping: info.physicalMemory))),
        ("system", info.operatingSystemVersionString),
    ]
    if let model = cpuModel() { facts.insert(("cpu", model), at: 0) }
    let modified = (try? FileManager.default.attributesOfItem(atPath: binary.path))?[.modificationDate] as? Date
    facts.append(("binary", binary.path))
    facts.append(("  built", modified.map { ISO8601DateFormatter().string(from: $0) } ?? "?"))
    facts.append(("  size", formatBytes(fileSize(binary))))
    return facts
}

/// Linux only; elsewhere the line is left out.
private func cpuModel() -> String? {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
    let line = text.split(separator: "\n").first { $0.hasPrefix("model name") }
    return line?.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
}

func printFacts(_ facts: [(String, String)]) {
    let width = facts.map(\.0.count).max() ?? 0
    for (name, value) in facts {
        print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
    }
}
