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
        // Each cell's text and width, measured once.
        let measured = ([columns.map(\.title)] + rows).map { row in
            columns.indices.map { index -> (text: String, width: Int) in
                let text = index < row.count ? row[index].singleLine : ""
                return (text, text.cellWidth)
            }
        }
        var widths = columns.indices.map { index in measured.map { $0[index].width }.max() ?? 0 }
        var excess = widths.reduce(0, +) + gap * (columns.count - 1) - Self.maximumWidth
        // Take width from the widest flexible column first, never below 12 cells.
        while excess > 0 {
            guard let widest = columns.indices.filter({ columns[$0].flexible && widths[$0] > 12 })
                .max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return measured.map { cells in
            var line = ""
            for (index, column) in columns.enumerated() {
                var (text, width) = cells[index]
                if width > widths[index] {
                    text = text.truncated(to: widths[index])
                    width = text.cellWidth
                }
                let padding = String(repeating: " ", count: widths[index] - width)
                let isLast = index == columns.count - 1
                line += column.alignRight ? padding + text : text + (isLast ? "" : padding)
                if !isLast { line += String(repeating: " ", count: gap) }
            }
            return line
        }
    }
}

extension String {
    /// Terminal cells: East Asian wide characters and most emoji take two, combining marks none,
    /// everything else one. Counted over scalars, which is many times faster than characters.
    var cellWidth: Int {
        var width = 0
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x300 {
                width += 1
            } else if (0x300...0x36F).contains(value) || value == 0x200D || (0xFE00...0xFE0F).contains(value) {
                continue
            } else {
                width += Character.isWide(value) ? 2 : 1
            }
        }
        return width
    }

    var singleLine: String {
        utf8.contains(10) || utf8.contains(13) ? String(map { $0.isNewline ? " " : $0 }) : self
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
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    static func isWide(_ scalar: UInt32) -> Bool {
        scalar >= 0x1100 && wide.contains { $0.contains(scalar) }
    }

    var cellWidth: Int { String(self).cellWidth }
}
