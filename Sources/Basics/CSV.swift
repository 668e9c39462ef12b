#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A CSV reader for the files municipalities actually have: spreadsheet exports that are
// semicolon-separated with a decimal comma, or comma-separated; UTF-8 with or without BOM;
// CRLF or LF; quoted fields that may hold separators, quotes and line breaks.
//
// Imports of a million rows must stay close to `sqlite3 .import`, so the reader works on the
// file's bytes in place: a row is a list of byte ranges, reused from row to row, and a field
// only becomes a String or a number when the caller asks for it.

/// A problem in a CSV file, located by physical line and, when it is about one field, by the
/// name of its column.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    /// 1-based physical line; 0 when the file could not be read at all.
    public let line: Int
    /// The header name of the column, when the problem is about one field and the column has one.
    public let column: String?
    public let message: Message

    public init(line: Int, column: String?, message: Message) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "line 14, column score: …", "line 3: …", or only the message when there is no line.
    public var description: String { text(dutch: false) }

    /// The same in Dutch: "regel 14, kolom score: …".
    public func text(dutch: Bool) -> String {
        var place = line > 0 ? (dutch ? "regel \(line)" : "line \(line)") : ""
        if let column {
            let named = dutch ? "kolom \(column)" : "column \(column)"
            place += place.isEmpty ? named : ", " + named
        }
        return place.isEmpty ? message.text(dutch: dutch) : place + ": " + message.text(dutch: dutch)
    }
}

// MARK: - Document

/// A whole CSV file in memory, with its header read and checked. Rows are read on demand by
/// `forEachRow`, so a large file never exists as Strings all at once.
public struct CSVDocument: Sendable {
    /// `;`, `,` or a tab, as detected from the header line.
    public let separator: UInt8
    /// The column names: trimmed, without BOM, lowercased; none is empty and none repeats.
    public let header: [String]

    private let bytes: [UInt8]
    /// Where the first data row starts, just after the header record.
    private let dataStart: CSVCursor

    /// A field or a physical line this long is not something a person typed into a spreadsheet;
    /// stopping here gives a clear message instead of gigabytes of memory or minutes of waiting.
    static let maximumField = 1 << 20
    static let maximumLine = 4 << 20
    /// Far more than any import needs (SQLite itself stops at 2000), and it keeps a header line of
    /// nothing but separators from costing a range per byte.
    static let maximumColumns = 10_000

    /// Reads a whole file. Errors: the file cannot be read (line 0), or whatever
    /// `init(bytes:)` finds.
    public static func read(path: String) throws -> CSVDocument {
        do {
            return try CSVDocument(bytes: FileOps.read(path))
        } catch let error as FileReadError {
            throw CSVError(line: 0, column: nil, message: Message("kan \(error.path) niet lezen: \(error.reason)", error.description))
        }
    }

    /// Checks the file as a whole (not empty, not UTF-16, no NUL byte) and reads its header.
    public init(bytes: [UInt8]) throws {
        let parsed = try bytes.withUnsafeBufferPointer { buffer throws -> (UInt8, [String], CSVCursor) in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                throw CSVError(line: 1, column: nil, message: Message("het bestand is leeg", "the file is empty"))
            }
            return try CSVDocument.readHeader(base, buffer.count)
        }
        self.bytes = bytes
        (separator, header, dataStart) = parsed
    }

    /// The position of a column, compared the way the header was normalised: " Score " finds
    /// "score".
    public func columnIndex(_ name: String) -> Int? {
        if let index = header.firstIndex(of: name) { return index }
        // Callers look columns up once per row; only a name that could differ after
        // normalising pays for it.
        let normalised = CSVDocument.normalisedName(name)
        return normalised == name ? nil : header.firstIndex(of: normalised)
    }

    /// Calls `body` for every data row, in order. Lines that are empty, hold only spaces, or only
    /// empty fields (`;;;`, which spreadsheets leave behind for blank rows) are skipped. Stops at
    /// the first error, the reader's or the body's.
    public func forEachRow(_ body: (inout CSVRow) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var cursor = dataStart
            var row = CSVRow(storage: bytes, names: header)
            row.spans.reserveCapacity(header.count)
            while cursor.position < count {
                let start = cursor
                let scan = try CSVScanner.record(base, count, separator: separator, names: header,
                                                 keep: header.count, cursor: &cursor, spans: &row.spans)
                if !scan.extraContent, CSVScanner.isBlank(base, row.spans) { continue }
                if scan.fields > header.count {
                    throw CSVError(line: start.line, column: nil,
                                   message: Message("heeft \(scan.fields) velden, de kopregel heeft er \(header.count)", "has \(scan.fields) fields, the header has \(header.count)"))
                }
                row.line = start.line
                row.start = start.position
                try body(&row)
            }
        }
    }

    /// Checks that the whole file is UTF-8, which `CSVRow.string` otherwise only checks for the
    /// fields it is asked for. Reports the first bad field with its line and column.
    public func validateUTF8() throws {
        // One pass of the standard library's validator over everything is the common, fast case.
        if String(validating: bytes, as: UTF8.self) != nil { return }
        try forEachRow { row in
            for index in 0..<row.count { _ = try row.string(index) }
        }
        // Bytes outside any field: only possible in lines the rows skip, but be sure.
        try bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var line = 1
            var index = 0
            while index <= buffer.count {
                let atEnd = index == buffer.count
                if atEnd || buffer[index] == CSVByte.lineFeed || buffer[index] == CSVByte.carriageReturn {
                    let text = UnsafeBufferPointer(rebasing: buffer[lineStart..<index])
                    if String(validating: text, as: UTF8.self) == nil {
                        throw CSVError(line: line, column: nil, message: CSVRow.notUTF8)
                    }
                    if !atEnd, buffer[index] == CSVByte.carriageReturn, index + 1 < buffer.count,
                       buffer[index + 1] == CSVByte.lineFeed {
                        index += 1
                    }
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
    }

    // MARK: Header

    private static func readHeader(_ base: UnsafePointer<UInt8>, _ count: Int) throws -> (UInt8, [String], CSVCursor) {
        // Excel's "Unicode text" is UTF-16; without this it would fail on its first NUL byte,
        // which says nothing useful.
        if count >= 2, (base[0] == 0xFF && base[1] == 0xFE) || (base[0] == 0xFE && base[1] == 0xFF) {
            throw CSVError(line: 1, column: nil, message: Message("het bestand is UTF-16; sla het op als CSV UTF-8", "the file is UTF-16; save it as CSV UTF-8"))
        }
        if let nul = memchr(base, 0, count) {
            let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
            let line = CSVScanner.line(at: offset, base, from: CSVCursor(position: 0, line: 1, lineStart: 0))
            throw CSVError(line: line, column: nil, message: Message("bevat een NUL-byte; is dit wel een CSV-bestand?", "contains a NUL byte; is this a CSV file?"))
        }
        var position = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }

        // Blank lines before the header are skipped, so the header is the first line with text.
        var line = 1
        var lineStart = position
        while true {
            var next = position
            while next < count, base[next] == CSVByte.space || base[next] == CSVByte.tab { next += 1 }
            guard next < count else { throw CSVError(line: 1, column: nil, message: Message("het bestand is leeg", "the file is empty")) }
            if base[next] == CSVByte.lineFeed {
                position = next + 1
            } else if base[next] == CSVByte.carriageReturn {
                position = next + 1 < count && base[next + 1] == CSVByte.lineFeed ? next + 2 : next + 1
            } else {
                break
            }
            line += 1
            lineStart = position
        }

        let separator = detectSeparator(base, count, from: position)
        var cursor = CSVCursor(position: position, line: line, lineStart: lineStart)
        let headerStart = cursor
        var spans: [CSVSpan] = []
        let scan = try CSVScanner.record(base, count, separator: separator, names: [], keep: maximumColumns,
                                         cursor: &cursor, spans: &spans)
        if scan.fields > maximumColumns {
            throw CSVError(line: line, column: nil, message: Message("de kopregel heeft \(scan.fields) kolommen; is dit wel een CSV-bestand?", "the header has \(scan.fields) columns; is this a CSV file?"))
        }
        var names: [String] = []
        names.reserveCapacity(spans.count)
        var seen: Set<String> = []
        for (index, span) in spans.enumerated() {
            let fieldLine = CSVScanner.line(at: span.start, base, from: headerStart)
            let content = UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
            let raw = CSVScanner.withContent(content, escaped: span.escaped) { field in
                String(validating: field, as: UTF8.self)
            }
            guard let raw else {
                throw CSVError(line: fieldLine, column: nil,
                               message: Message("de kopregel is geen geldige UTF-8; sla het bestand op als CSV UTF-8", "the header is not valid UTF-8; save the file as CSV UTF-8"))
            }
            let name = normalisedName(raw)
            if name.isEmpty {
                throw CSVError(line: fieldLine, column: nil, message: Message("kolom \(index + 1) van de kopregel heeft geen naam", "column \(index + 1) of the header has no name"))
            }
            if !seen.insert(name).inserted {
                throw CSVError(line: fieldLine, column: name, message: Message("staat twee keer in de kopregel", "appears twice in the header"))
            }
            names.append(name)
        }
        return (separator, names, cursor)
    }

    /// `;` when the header has more semicolons than commas outside quotes (a Dutch spreadsheet),
    /// a tab when it has only tabs, else `,`.
    private static func detectSeparator(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> UInt8 {
        var semicolons = 0, commas = 0, tabs = 0
        var quoted = false
        var index = start
        while index < count {
            let byte = base[index]
            if byte == CSVByte.quote {
                quoted.toggle()
            } else if !quoted {
                if byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn { break }
                if byte == CSVByte.semicolon { semicolons += 1 }
                if byte == CSVByte.comma { commas += 1 }
                if byte == CSVByte.tab { tabs += 1 }
            }
            index += 1
        }
        if semicolons > commas { return CSVByte.semicolon }
        if commas == 0, tabs > 0 { return CSVByte.tab }
        return CSVByte.comma
    }

    static func normalisedName(_ name: String) -> String {
        var name = Substring(name)
        if name.unicodeScalars.first == "\u{FEFF}" { name = Substring(name.unicodeScalars.dropFirst()) }
        while let first = name.first, first.isWhitespace { name = name.dropFirst() }
        while let last = name.last, last.isWhitespace { name = name.dropLast() }
        return name.lowercased()
    }
}

// MARK: - Row

/// One data row: byte ranges into the document. `forEachRow` reuses the row it passes for the next
/// one, so a row kept for later must be copied (which is cheap and stays valid).
public struct CSVRow: Sendable {
    /// The physical line where the row starts.
    public fileprivate(set) var line: Int
    /// The number of fields in this row; never more than the header has.
    public var count: Int { spans.count }

    fileprivate let storage: [UInt8]
    fileprivate let names: [String]
    fileprivate var start: Int
    fileprivate var spans: [CSVSpan]

    fileprivate init(storage: [UInt8], names: [String]) {
        self.storage = storage
        self.names = names
        line = 0
        start = 0
        spans = []
    }

    static let notUTF8 = Message("geen geldige UTF-8; sla het bestand op als CSV UTF-8", "not valid UTF-8; save the file as CSV UTF-8")

    /// True when the field is missing or holds only spaces.
    public func isEmpty(_ index: Int) -> Bool {
        withContent(index) { $0.isEmpty } ?? true
    }

    /// The field as text: nil when empty, surrounding spaces trimmed, doubled quotes undoubled.
    /// Throws when its bytes are not UTF-8.
    public func string(_ index: Int) throws -> String? {
        let text: String?? = try withContent(index) { field in
            guard !field.isEmpty else { return nil }
            guard let text = CSVScanner.text(field) else { throw error(column: index, CSVRow.notUTF8) }
            return text
        }
        return text ?? nil
    }

    /// The field as a number: nil when empty. Accepts an optional sign, digits, and one decimal
    /// separator that may be a comma (7,8) or a point (7.8); nothing else, so "1.234,5", "1e3" and
    /// "7,8 uur" are refused rather than guessed at.
    public func number(_ index: Int) throws -> Double? {
        switch withContent(index, CSVNumbers.decimal) ?? .empty {
        case .empty: return nil
        case .value(let value): return value
        case .invalid: throw error(column: index, Message("verwacht een getal zoals 7,8 maar er staat '\(shown(index))'", "expected a number such as 7,8 but found '\(shown(index))'"))
        }
    }

    /// The field as a whole number: nil when empty; "12,0" is refused.
    public func integer(_ index: Int) throws -> Int64? {
        switch withContent(index, CSVNumbers.integer) ?? .empty {
        case .empty: return nil
        case .value(let value): return value
        case .invalid: throw error(column: index, Message("verwacht een geheel getal zoals 12 maar er staat '\(shown(index))'", "expected a whole number such as 12 but found '\(shown(index))'"))
        }
    }

    /// An error about one field, placed on the line where that field starts (a quoted field
    /// before it may span lines) and named by its column.
    public func error(column index: Int, _ message: Message) -> CSVError {
        let column = names.indices.contains(index) ? names[index] : nil
        guard spans.indices.contains(index) else { return CSVError(line: line, column: column, message: message) }
        let fieldLine = storage.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress, spans[index].start <= buffer.count else { return line }
            return CSVScanner.line(at: spans[index].start, base, from: CSVCursor(position: start, line: line, lineStart: start))
        }
        return CSVError(line: fieldLine, column: column, message: message)
    }

    /// An error about the row as a whole.
    public func error(_ message: Message) -> CSVError {
        CSVError(line: line, column: nil, message: message)
    }

    /// The field's bytes, trimmed and unescaped; nil when the row has no such field.
    public func withContent<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard spans.indices.contains(index) else { return nil }
        let span = spans[index]
        return try storage.withUnsafeBufferPointer { buffer -> Result? in
            // A row can outlive its body and be assigned into another document's loop; checking
            // keeps that a wrong answer rather than a read out of bounds.
            guard span.start <= span.end, span.end <= buffer.count else { return nil }
            return try CSVScanner.withContent(UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]),
                                              escaped: span.escaped, body)
        }
    }

    /// The field as a person would recognise it in an error message, shortened when long.
    private func shown(_ index: Int) -> String {
        let text = withContent(index) { String(decoding: $0, as: UTF8.self) } ?? ""
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
