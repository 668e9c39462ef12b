/// An aligned table for the terminal that fits in 100 columns. Widths are counted in terminal
/// cells, so "Oriëntatie" and "日本" line up as they look.
struct TextTable {
    static let maximumWidth = 100

    struct Column {
        var title: String
        var alignRight = false
        /// Flexible columns give up width when the table is too wide.
        var flexible = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> [String] {
        let gap = 2
        var widths = columns.map { $0.title.cellWidth }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.singleLine.cellWidth)
            }
        }
        var excess = widths.reduce(0, +) + gap * (columns.count - 1) - Self.maximumWidth
        // Take width from the widest flexible column first, never below 12 cells.
        while excess > 0 {
            guard let widest = columns.indices.filter({ columns[$0].flexible && widths[$0] > 12 })
                .max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, column) in columns.enumerated() {
                let cell = (index < cells.count ? cells[index] : "").singleLine.truncated(to: widths[index])
                let padding = String(repeating: " ", count: widths[index] - cell.cellWidth)
                let isLast = index == columns.count - 1
                text += column.alignRight ? padding + cell : cell + (isLast ? "" : padding)
                if !isLast { text += String(repeating: " ", count: gap) }
            }
            return text
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }
}

extension String {
    /// Terminal cells: East Asian wide characters and most emoji take two, everything else one.
    var cellWidth: Int { reduce(0) { $0 + $1.cellWidth } }

    var singleLine: String {
        contains(where: \.isNewline) ? String(map { $0.isNewline ? " " : $0 }) : self
    }

    func truncated(to width: Int) -> String {
        guard cellWidth > width else { return self }
        var result = ""
        var used = 0
        for character in self {
            if used + character.cellWidth > width - 1 { break }
            result.append(character)
            used += character.cellWidth
        }
        return result + "…"
    }
}

extension Character {
    var cellWidth: Int {
        guard let scalar = unicodeScalars.first?.value else { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(scalar) } ? 2 : 1
    }
}
