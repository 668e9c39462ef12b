#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Finding the fields of a CSV row in the file's bytes, without making Strings.

// MARK: - Scanning

enum CSVByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let point: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
    static let semicolon: UInt8 = 0x3B
}

/// A field's raw bytes: between the quotes for a quoted field, where `escaped` says that doubled
/// quotes still have to be undoubled.
struct CSVSpan: Sendable {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// Where scanning stands: the next byte, its physical line and where that line starts (for the
/// line length limit).
struct CSVCursor: Sendable {
    var position: Int
    var line: Int
    var lineStart: Int
}

enum CSVScanner {
    /// Reads one record at `cursor` into `spans` and moves the cursor past its line break.
    /// Fields past `keep` are only counted, so a runaway line cannot fill memory with ranges;
    /// `extraContent` says whether any of them held more than spaces.
    static func record(
        _ base: UnsafePointer<UInt8>, _ count: Int, separator: UInt8, names: [String], keep: Int,
        cursor: inout CSVCursor, spans: inout [CSVSpan]
    ) throws -> (fields: Int, extraContent: Bool) {
        func column(_ index: Int) -> String? { index < names.count ? names[index] : nil }
        func isPadding(_ byte: UInt8) -> Bool {
            byte == CSVByte.space || (byte == CSVByte.tab && separator != CSVByte.tab)
        }
        func lineTooLong(_ line: Int) -> CSVError {
            CSVError(line: line, column: nil, message: Message("regel is langer dan 4 MiB; is dit wel een CSV-bestand?", "line is longer than 4 MiB; is this a CSV file?"))
        }
        spans.removeAll(keepingCapacity: true)
        var fields = 0
        var extraContent = false
        var position = cursor.position
        var line = cursor.line
        var lineStart = cursor.lineStart
        while true {
            // Spaces before an opening quote are allowed: hand-made files have them after a comma.
            var next = position
            while next < count, isPadding(base[next]) { next += 1 }
            let span: CSVSpan
            if next < count, base[next] == CSVByte.quote {
                let fieldLine = line
                let contentStart = next + 1
                var index = contentStart
                var escaped = false
                while true {
                    guard index < count else {
                        throw CSVError(line: fieldLine, column: column(fields), message: Message("een veld tussen aanhalingstekens wordt nooit gesloten; zet er een \" achter", "a quoted field is never closed"))
                    }
                    let byte = base[index]
                    if byte == CSVByte.quote {
                        guard index + 1 < count, base[index + 1] == CSVByte.quote else { break }
                        escaped = true
                        index += 2
                        continue
                    }
                    if byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn {
                        if index - lineStart > CSVDocument.maximumLine { throw lineTooLong(line) }
                        if byte == CSVByte.carriageReturn, index + 1 < count, base[index + 1] == CSVByte.lineFeed {
                            index += 1
                        }
                        line += 1
                        lineStart = index + 1
                    }
                    index += 1
                }
                if index - contentStart > CSVDocument.maximumField {
                    throw CSVError(line: fieldLine, column: column(fields), message: Message("veld is langer dan 1 MiB", "field is longer than 1 MiB"))
                }
                span = CSVSpan(start: contentStart, end: index, escaped: escaped)
                index += 1
                while index < count, isPadding(base[index]) { index += 1 }
                position = index
            } else {
                var index = position
                while index < count {
                    let byte = base[index]
                    if byte == separator || byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn { break }
                    index += 1
                }
                if index - position > CSVDocument.maximumField {
                    throw CSVError(line: line, column: column(fields), message: Message("veld is langer dan 1 MiB", "field is longer than 1 MiB"))
                }
                span = CSVSpan(start: position, end: index, escaped: false)
                position = index
            }
            if fields < keep {
                spans.append(span)
            } else if !extraContent {
                extraContent = !isBlank(base, span)
            }
            fields += 1

            if position - lineStart > CSVDocument.maximumLine { throw lineTooLong(line) }
            guard position < count else { break }
            let byte = base[position]
            if byte == separator {
                position += 1
                continue
            }
            if byte == CSVByte.lineFeed {
                position += 1
            } else if byte == CSVByte.carriageReturn {
                position += 1
                if position < count, base[position] == CSVByte.lineFeed { position += 1 }
            } else {
                throw CSVError(line: line, column: column(fields - 1), message: Message("onverwacht teken na een sluitend aanhalingsteken", "unexpected character after a closing quote"))
            }
            line += 1
            lineStart = position
            break
        }
        cursor = CSVCursor(position: position, line: line, lineStart: lineStart)
        return (fields, extraContent)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == CSVByte.space || byte == CSVByte.tab || byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn
    }

    static func isBlank(_ base: UnsafePointer<UInt8>, _ span: CSVSpan) -> Bool {
        var index = span.start
        while index < span.end {
            if !isWhitespace(base[index]) { return false }
            index += 1
        }
        return true
    }

    static func isBlank(_ base: UnsafePointer<UInt8>, _ spans: [CSVSpan]) -> Bool {
        for span in spans where !isBlank(base, span) { return false }
        return true
    }

    /// Calls `body` with the field's content: doubled quotes undoubled, surrounding whitespace
    /// trimmed.
    static func withContent<Result>(
        _ raw: UnsafeBufferPointer<UInt8>, escaped: Bool, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        guard escaped else { return try body(trimmed(raw)) }
        // The scanner guarantees every quote inside a quoted field is doubled.
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            unescaped.append(raw[index])
            index += raw[index] == CSVByte.quote ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer { try body(trimmed($0)) }
    }

    /// The bytes as a String, or nil when they are not UTF-8.
    static func text(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        // Most fields are ASCII, and decoding those directly is several times faster than the
        // generic validating initialiser.
        var ascii = true
        for byte in field where byte >= 0x80 {
            ascii = false
            break
        }
        return ascii ? String(decoding: field, as: UTF8.self) : String(validating: field, as: UTF8.self)
    }

    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = field.count
        while start < end, isWhitespace(field[start]) { start += 1 }
        while end > start, isWhitespace(field[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    /// The physical line of `offset`, counting line breaks (LF, CRLF or a lone CR) from a known
    /// position. Only used for error messages, so it may be slow.
    static func line(at offset: Int, _ base: UnsafePointer<UInt8>, from known: CSVCursor) -> Int {
        var line = known.line
        var index = known.position
        while index < offset {
            let byte = base[index]
            if byte == CSVByte.lineFeed {
                line += 1
            } else if byte == CSVByte.carriageReturn, index + 1 >= offset || base[index + 1] != CSVByte.lineFeed {
                line += 1
            }
            index += 1
        }
        return line
    }
}
