import Foundation

/// What the figures depend on, printed above them so results from two machines are never
/// compared blindly.
func machineFacts(binary: URL, workspace: Workspace) -> [(String, String)] {
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
    // Other work on the machine moves the figures; this says how much there was.
    if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
        facts.append(("load", load.split(separator: " ").prefix(3).joined(separator: " ") + " (1, 5, 15 min; the bench itself counts about 1)"))
    }
    facts.append(("sqlite3", "\(SQLiteShell.executable.path) \(SQLiteShell.version(workspace))"))
    // The least a child can show as its peak: what it shares with the launcher it was forked from.
    let floor = runChild(URL(fileURLWithPath: "/bin/true"), [])
    facts.append(("peak floor", String(format: "%.1f MB (/bin/true through the launcher)", floor.peakMegabytes)))
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
