import Foundation
import Basics
import Testing

/// The CSV reader against the files municipalities send: Dutch spreadsheet exports, hand-made
/// comma files, and the ways such files go wrong.
@Suite struct CSVTests {
    private func document(_ text: String) throws -> CSVDocument {
        try CSVDocument(bytes: Array(text.utf8))
    }

    /// Every row as its fields' strings, with the line it starts on.
    private func rows(_ document: CSVDocument) throws -> [(line: Int, fields: [String?])] {
        var result: [(line: Int, fields: [String?])] = []
        try document.forEachRow { row throws in
            result.append((row.line, try (0..<row.count).map { try row.string($0) }))
        }
        return result
    }

    private func fields(_ document: CSVDocument) throws -> [[String?]] {
        try rows(document).map(\.fields)
    }

    private func lines(_ document: CSVDocument) throws -> [Int] {
        try rows(document).map(\.line)
    }

    /// The first error reading every field of every row as text.
    private func readAll(_ text: String) throws {
        _ = try rows(document(text))
    }

    // MARK: Dialects

    @Test func commaSeparatedWithDecimalPoint() throws {
        let csv = try document("naam,score,aantal\nAnna,7.5,3\nBram,-1,12\n")
        #expect(csv.separator == UInt8(ascii: ","))
        #expect(csv.header == ["naam", "score", "aantal"])
        var seen: [(String?, Double?, Int64?)] = []
        try csv.forEachRow { row throws in
            seen.append((try row.string(0), try row.number(1), try row.integer(2)))
        }
        #expect(seen.count == 2)
        #expect(seen[0] == ("Anna", 7.5, 3))
        #expect(seen[1] == ("Bram", -1, 12))
    }

    @Test func semicolonSeparatedWithDecimalComma() throws {
        let csv = try document("datum;kanaal;score\n2014-03-12;telefoon;7,8\n2014-03-13;balie;10\n2014-03-14;web; 6,25 \n")
        #expect(csv.separator == UInt8(ascii: ";"))
        var scores: [Double?] = []
        try csv.forEachRow { row in scores.append(try row.number(2)) }
        #expect(scores == [7.8, 10, 6.25])
        #expect(try fields(csv)[0] == ["2014-03-12", "telefoon", "7,8"])
    }

    @Test func separatorIsDetectedFromTheHeaderOutsideQuotes() throws {
        #expect(try document("\"a,b\";c;d\n").separator == UInt8(ascii: ";"))
        #expect(try document("\"a;b;c\",d\n").separator == UInt8(ascii: ","))
        #expect(try document("a;b,c\n").separator == UInt8(ascii: ","))
        #expect(try document("a\tb\tc\n1\t2\t3\n").separator == UInt8(ascii: "\t"))
        #expect(try document("single\n").separator == UInt8(ascii: ","))
        let tabbed = try document("naam\tscore\nAnna\t7,5\n")
        #expect(try fields(tabbed) == [["Anna", "7,5"]])
    }

    @Test func numbersAcceptOneDecimalSeparatorAndASign() throws {
        let cases: [(String, Double?)] = [
            ("7,8", 7.8), ("7.8", 7.8), ("-1", -1), ("+3", 3), (" 12 ", 12), ("0,05", 0.05), (",5", 0.5),
            ("", nil), ("   ", nil), ("007", 7), ("-0,1", -0.1),
            ("12345678901234567890,5", 12345678901234567890.5), ("0,1234567890123456789012345", 0.1234567890123456789012345),
        ]
        for (text, expected) in cases {
            let csv = try document("x;y\n\"\(text)\";1\n")
            try csv.forEachRow { row throws in
                #expect(try row.number(0) == expected, "\(text)")
            }
        }
        for text in ["1e3", "7,8,9", "1.234,5", "goed", "7,", "-", "+", "7,8 uur", "€ 5", "0x10", "inf", "nan"] {
            let csv = try document("score;y\n\"\(text)\";1\n")
            #expect(throws: CSVError(line: 2, column: "score", message: Message("verwacht een getal zoals 7,8 maar er staat '\(text)'", "expected a number such as 7,8 but found '\(text)'"))) {
                try csv.forEachRow { row in _ = try row.number(0) }
            }
        }
    }

    @Test func integersAreWholeNumbersOnly() throws {
        let csv = try document("n\n12\n 12 \n-9223372036854775808\n9223372036854775807\n\"+4\"\n")
        var values: [Int64?] = []
        try csv.forEachRow { row in values.append(try row.integer(0)) }
        #expect(values == [12, 12, Int64.min, Int64.max, 4])
        for text in ["12,0", "12.5", "1e3", "9223372036854775808", "-9223372036854775809", "-", "twaalf"] {
            #expect(throws: CSVError(line: 3, column: "count", message: Message("verwacht een geheel getal zoals 12 maar er staat '\(text)'", "expected a whole number such as 12 but found '\(text)'"))) {
                try document("count\n1\n\"\(text)\"\n").forEachRow { row in _ = try row.integer(0) }
            }
        }
    }

    // MARK: Encoding and line ends

    @Test func byteOrderMarkIsRemoved() throws {
        let csv = try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("Naam;Score\nAnna;8\n".utf8))
        #expect(csv.header == ["naam", "score"])
        #expect(try fields(csv) == [["Anna", "8"]])
        let quoted = try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("\"Naam\";Score\n".utf8))
        #expect(quoted.header == ["naam", "score"])
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let crlf = try document("a;b\r\n1;2\r\n3;4\r\n")
        #expect(try fields(crlf) == [["1", "2"], ["3", "4"]])
        #expect(try lines(crlf) == [2, 3])
        let unterminated = try document("a;b\n1;2\n3;4")
        #expect(try fields(unterminated) == [["1", "2"], ["3", "4"]])
        let oldMac = try document("a;b\r1;2\r3;4")
        #expect(try fields(oldMac) == [["1", "2"], ["3", "4"]])
        #expect(try lines(oldMac) == [2, 3])
        #expect(try fields(document("a;b\n1;2\n3;")) == [["1", "2"], ["3", nil]])
    }

    @Test func emptyLinesAreSkippedAndKeepTheirLineNumbers() throws {
        let csv = try document("\n  \na;b\n\n1;2\n   \n;;\n\t\n\"\";\n3;4\n\n\n")
        #expect(csv.header == ["a", "b"])
        #expect(try rows(csv).map(\.line) == [5, 10])
        #expect(try fields(csv) == [["1", "2"], ["3", "4"]])
        // A blank row with more separators than the header is still a blank row.
        #expect(try fields(document("a;b\n;;;;;\n1;2\n")) == [["1", "2"]])
    }

    @Test func fewerFieldsThanTheHeaderAreMissingAndEmpty() throws {
        let csv = try document("a;b;c\n1\n1;;3\n")
        try csv.forEachRow { row throws in
            #expect(!row.isEmpty(0))
            #expect(row.isEmpty(1))
            #expect(try row.string(1) == nil)
            #expect(try row.number(1) == nil)
            #expect(try row.integer(1) == nil)
            #expect(row.isEmpty(7) && row.isEmpty(-1))
            #expect(try row.string(7) == nil)
        }
        var counts: [Int] = []
        try csv.forEachRow { row in counts.append(row.count) }
        #expect(counts == [1, 3])
    }

    @Test func aCopiedRowKeepsItsFields() throws {
        var kept: [CSVRow] = []
        try document("a;b\n1;x\n2;y\n").forEachRow { row in kept.append(row) }
        #expect(try kept.map { try $0.string(1) } == ["x", "y"])
        #expect(kept.map(\.line) == [2, 3])
    }

    @Test func headerOnlyHasNoRows() throws {
        #expect(try rows(document("a;b")).isEmpty)
        #expect(try rows(document("a;b\r\n\r\n")).isEmpty)
    }

    // MARK: Quotes

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text = """
            id;toelichting;score
            1;"Het duurde lang; maar werd opgelost";7,5
            2;"Zij zei ""goed"" en ging";8
            3;"eerste regel
            tweede regel

            vierde regel";6
            4;  "spaties om de aanhalingstekens"  ;"5,5"
            5;"";""

            """
        let csv = try document(text)
        #expect(try fields(csv) == [
            ["1", "Het duurde lang; maar werd opgelost", "7,5"],
            ["2", "Zij zei \"goed\" en ging", "8"],
            ["3", "eerste regel\ntweede regel\n\nvierde regel", "6"],
            ["4", "spaties om de aanhalingstekens", "5,5"],
            ["5", nil, nil],
        ])
        #expect(try lines(csv) == [2, 3, 4, 8, 9])
        // Errors in later rows and in a field after a multi-line one name the right lines.
        #expect(throws: CSVError(line: 12, column: "score", message: Message("verwacht een getal zoals 7,8 maar er staat 'x'", "expected a number such as 7,8 but found 'x'"))) {
            try document(text + "6;\"a\nb\nc\";x\n").forEachRow { row in _ = try row.number(2) }
        }
        #expect(throws: CSVError(line: 13, column: "score", message: Message("verwacht een getal zoals 7,8 maar er staat 'x'", "expected a number such as 7,8 but found 'x'"))) {
            try document(text + "6;\"a\nb\";\n\"c\nd\";\"\";x\n").forEachRow { row throws in
                if row.line == 12 { _ = try row.number(2) }
            }
        }
    }

    @Test func quotedFieldsWithCRLFKeepLineNumbers() throws {
        let csv = try document("a,b\r\n\"x\r\ny\",1\r\n\"z\",2\r\n")
        #expect(try fields(csv) == [["x\r\ny", "1"], ["z", "2"]])
        #expect(try lines(csv) == [2, 4])
        #expect(throws: CSVError(line: 4, column: "b", message: Message("verwacht een getal zoals 7,8 maar er staat 'q'", "expected a number such as 7,8 but found 'q'"))) {
            try document("a,b\r\n\"x\r\ny\",1\r\n\"z\",q\r\n").forEachRow { row in _ = try row.number(1) }
        }
    }

    @Test func quotesInsideAnUnquotedFieldAreKept() throws {
        #expect(try fields(document("a;b\n5\" scherm;2\n")) == [["5\" scherm", "2"]])
    }

    // MARK: Errors

    @Test func moreFieldsThanTheHeader() throws {
        #expect(throws: CSVError(line: 3, column: nil, message: Message("heeft 4 velden, de kopregel heeft er 3", "has 4 fields, the header has 3"))) {
            try readAll("a;b;c\n1;2;3\n1;2;3;4\n")
        }
        #expect(throws: CSVError(line: 4, column: nil, message: Message("heeft 4 velden, de kopregel heeft er 2", "has 4 fields, the header has 2"))) {
            try readAll("a;b\n\"x\ny\";2\n1;\"p\nq\";;x\n")
        }
    }

    @Test func unterminatedQuote() throws {
        #expect(throws: CSVError(line: 3, column: "b", message: Message("een veld tussen aanhalingstekens wordt nooit gesloten; zet er een \" achter", "a quoted field is never closed"))) {
            try readAll("a;b\n1;2\n3;\"open\n4;5\n6;7\n")
        }
        #expect(throws: CSVError(line: 1, column: nil, message: Message("een veld tussen aanhalingstekens wordt nooit gesloten; zet er een \" achter", "a quoted field is never closed"))) {
            try readAll("a;\"b\n")
        }
    }

    @Test func characterAfterAClosingQuote() throws {
        #expect(throws: CSVError(line: 3, column: "b", message: Message("onverwacht teken na een sluitend aanhalingsteken", "unexpected character after a closing quote"))) {
            try readAll("a;b;c\n1;2;3\n1;\"twee\"x;3\n")
        }
        #expect(throws: CSVError(line: 4, column: "a", message: Message("onverwacht teken na een sluitend aanhalingsteken", "unexpected character after a closing quote"))) {
            try readAll("a;b\n\"een\ntwee\ndrie\"\"\"x;3\n")
        }
    }

    @Test func errorDescriptions() {
        #expect(CSVError(line: 14, column: "score", message: Message("verwacht een getal zoals 7,8 maar er staat 'goed'", "expected a number such as 7,8 but found 'goed'")).description
            == "line 14, column score: expected a number such as 7,8 but found 'goed'")
        #expect(CSVError(line: 3, column: nil, message: Message("heeft 4 velden, de kopregel heeft er 3", "has 4 fields, the header has 3")).description
            == "line 3: has 4 fields, the header has 3")
        #expect(CSVError(line: 0, column: nil, message: Message("kan x niet lezen", "cannot read x")).description == "cannot read x")
    }

    @Test func rowsMakeErrorsForTheirFields() throws {
        try document("a;b\n\"x\ny\";2\n").forEachRow { row throws in
            #expect(row.error(column: 1, Message("fout", "bad")) == CSVError(line: 3, column: "b", message: Message("fout", "bad")))
            #expect(row.error(column: 0, Message("fout", "bad")) == CSVError(line: 2, column: "a", message: Message("fout", "bad")))
            #expect(row.error(column: 5, Message("fout", "bad")) == CSVError(line: 2, column: nil, message: Message("fout", "bad")))
            #expect(row.error(Message("fout", "bad")) == CSVError(line: 2, column: nil, message: Message("fout", "bad")))
        }
    }

    @Test func aLineOfFiveMegabytesIsRefusedWithItsLine() throws {
        let long = String(repeating: "x;", count: 5 << 19)   // 5 MiB
        #expect(throws: CSVError(line: 3, column: nil, message: Message("regel is langer dan 4 MiB; is dit wel een CSV-bestand?", "line is longer than 4 MiB; is this a CSV file?"))) {
            try readAll("a;b\n1;2\n\(long)\n3;4\n")
        }
        let huge = String(repeating: "x", count: 5 << 20)
        #expect(throws: CSVError(line: 2, column: "b", message: Message("veld is langer dan 1 MiB", "field is longer than 1 MiB"))) {
            try readAll("a;b\n1;\(huge)\n")
        }
        // Many short lines inside one quoted field: not too long a line, but too long a field.
        let paragraphs = String(repeating: "Een regel tekst.\n", count: 70_000)
        #expect(throws: CSVError(line: 3, column: "a", message: Message("veld is langer dan 1 MiB", "field is longer than 1 MiB"))) {
            try readAll("a;b\n1;2\n\"\(paragraphs)\";3\n")
        }
        // A long header line is refused too.
        #expect(throws: CSVError(line: 1, column: nil, message: Message("regel is langer dan 4 MiB; is dit wel een CSV-bestand?", "line is longer than 4 MiB; is this a CSV file?"))) {
            try document(long)
        }
        // Just under the limits is fine.
        let big = String(repeating: "y", count: 1 << 20)
        #expect(try fields(document("a;b\n\(big);2\n")) == [[big, "2"]])
    }

    @Test func invalidUTF8InATextColumn() throws {
        // "café" in Windows-1252, as Excel's plain "CSV" export writes it.
        var bytes = Array("naam;score;toelichting\nAnna;7,5;goed\nBram;8;".utf8)
        bytes += [0x63, 0x61, 0x66, 0xE9]
        bytes += Array("\nCees;6;\"lang\nverhaal\"\nDirk;5;ok".utf8)
        bytes += [0xC3]
        bytes += Array("\n".utf8)
        let csv = try CSVDocument(bytes: bytes)
        // Number columns stay fast and usable.
        var scores: [Double?] = []
        try csv.forEachRow { row in scores.append(try row.number(1)) }
        #expect(scores == [7.5, 8, 6, 5])
        #expect(throws: CSVError(line: 3, column: "toelichting", message: Message("geen geldige UTF-8; sla het bestand op als CSV UTF-8", "not valid UTF-8; save the file as CSV UTF-8"))) {
            try csv.forEachRow { row in _ = try row.string(2) }
        }
        #expect(throws: CSVError(line: 3, column: "toelichting", message: Message("geen geldige UTF-8; sla het bestand op als CSV UTF-8", "not valid UTF-8; save the file as CSV UTF-8"))) {
            try csv.validateUTF8()
        }
        try document("a;b\n1;é\n").validateUTF8()
        var later = Array("a;b\n1;\"x\ny\"\n2;".utf8)
        later += [0xC3, 0x28]
        #expect(throws: CSVError(line: 4, column: "b", message: Message("geen geldige UTF-8; sla het bestand op als CSV UTF-8", "not valid UTF-8; save the file as CSV UTF-8"))) {
            try CSVDocument(bytes: later).validateUTF8()
        }
    }

    @Test func invalidUTF8InTheHeader() {
        #expect(throws: CSVError(line: 1, column: nil, message: Message("de kopregel is geen geldige UTF-8; sla het bestand op als CSV UTF-8", "the header is not valid UTF-8; save the file as CSV UTF-8"))) {
            try CSVDocument(bytes: Array("naam;".utf8) + [0x63, 0x61, 0x66, 0xE9] + Array("\n1;2\n".utf8))
        }
    }

    @Test func nulBytesAndUTF16AreRefused() {
        #expect(throws: CSVError(line: 3, column: nil, message: Message("bevat een NUL-byte; is dit wel een CSV-bestand?", "contains a NUL byte; is this a CSV file?"))) {
            try CSVDocument(bytes: Array("a;b\r\n1;2\r\n3;".utf8) + [0] + Array("\n".utf8))
        }
        #expect(throws: CSVError(line: 1, column: nil, message: Message("het bestand is UTF-16; sla het op als CSV UTF-8", "the file is UTF-16; save it as CSV UTF-8"))) {
            try CSVDocument(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x3B, 0x00])
        }
    }

    @Test func emptyFiles() {
        let empty = CSVError(line: 1, column: nil, message: Message("het bestand is leeg", "the file is empty"))
        #expect(throws: empty) { try CSVDocument(bytes: []) }
        #expect(throws: empty) { try CSVDocument(bytes: [0xEF, 0xBB, 0xBF]) }
        #expect(throws: empty) { try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + Array(" \r\n\t\n\n".utf8)) }
        #expect(throws: empty) { try document("\n\n   \n") }
    }

    // MARK: Header

    @Test func headerNamesAreNormalised() throws {
        let csv = try document(" Naam ;\"SCORE\";  \"Toe Lichting\"  ;Één\n1;2;3;4\n")
        #expect(csv.header == ["naam", "score", "toe lichting", "één"])
        #expect(csv.columnIndex("score") == 1)
        #expect(csv.columnIndex(" Score ") == 1)
        #expect(csv.columnIndex("ÉÉN") == 3)
        #expect(csv.columnIndex("toe lichting") == 2)
        #expect(csv.columnIndex("ontbreekt") == nil)
    }

    @Test func emptyAndDuplicateHeaderNames() throws {
        #expect(throws: CSVError(line: 1, column: nil, message: Message("kolom 2 van de kopregel heeft geen naam", "column 2 of the header has no name"))) {
            try document("a;;c\n1;2;3\n")
        }
        #expect(throws: CSVError(line: 1, column: nil, message: Message("kolom 3 van de kopregel heeft geen naam", "column 3 of the header has no name"))) {
            try document("a;b;\n")
        }
        #expect(throws: CSVError(line: 1, column: "score", message: Message("staat twee keer in de kopregel", "appears twice in the header"))) {
            try document("score;naam;Score \n")
        }
        #expect(throws: CSVError(line: 3, column: "score", message: Message("staat twee keer in de kopregel", "appears twice in the header"))) {
            try document("\n\nscore;score\n")
        }
        let wide = (1...10_001).map { "c\($0)" }.joined(separator: ";")
        #expect(throws: CSVError(line: 1, column: nil, message: Message("de kopregel heeft 10001 kolommen; is dit wel een CSV-bestand?", "the header has 10001 columns; is this a CSV file?"))) {
            try document(wide + "\n1;2\n")
        }
        #expect(try document(String(wide.dropLast(7)) + "\n1;2\n").header.count == 10_000)
    }

    // MARK: Files

    @Test func aFileThatCannotBeRead() throws {
        let missing = "/nonexistent/molensloot/scores.csv"
        #expect(throws: CSVError(line: 0, column: nil, message: Message("kan \(missing) niet lezen: No such file or directory", "cannot read \(missing): No such file or directory"))) {
            try CSVDocument.read(path: missing)
        }
        #expect(throws: CSVError(line: 0, column: nil, message: Message("kan /tmp niet lezen: Is a directory", "cannot read /tmp: Is a directory"))) {
            try CSVDocument.read(path: "/tmp")
        }
    }

    @Test func aGeneratedFileOfAHundredThousandRowsRoundTrips() throws {
        let count = 100_000
        var text = "\u{FEFF}Datum;Reis;Fase;Kanaal;Persona;Score;Opmerking\r\n"
        let channels = ["telefoon", "balie", "web", "app", "e-mail"]
        for index in 0..<count {
            let score = "\(index % 10),\(index % 7)"
            let comment: String
            switch index % 4 {
            case 0: comment = "\"Het duurde lang, maar werd opgelost\""
            case 1: comment = "\"Zij zei \"\"snel\"\"; prima\""
            case 2: comment = "\"twee\nregels\""
            default: comment = ""
            }
            text += "2014-03-\(10 + index % 18);mor;afronding;\(channels[index % 5]);drukke-ouders;\(score);\(comment)\r\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let csv = try CSVDocument.read(path: path)
        #expect(csv.header == ["datum", "reis", "fase", "kanaal", "persona", "score", "opmerking"])
        try csv.validateUTF8()
        let score = try #require(csv.columnIndex("score"))
        let comment = try #require(csv.columnIndex("opmerking"))
        var seen = 0
        var total = 0.0
        var expectedLine = 2
        try csv.forEachRow { row throws in
            let index = seen
            #expect(row.line == expectedLine)
            expectedLine += index % 4 == 2 ? 2 : 1
            let value = try row.number(score)
            #expect(value == Double("\(index % 10).\(index % 7)"))
            total += value ?? 0
            if index % 997 == 0 || index == count - 1 {
                #expect(try row.string(3) == channels[index % 5])
                let expected: String? = switch index % 4 {
                case 0: "Het duurde lang, maar werd opgelost"
                case 1: "Zij zei \"snel\"; prima"
                case 2: "twee\nregels"
                default: nil
                }
                #expect(try row.string(comment) == expected)
            }
            seen += 1
        }
        #expect(seen == count)
        #expect(expectedLine == 2 + count + count / 4)
        #expect(abs(total - (0..<count).reduce(0.0) { $0 + (Double("\($1 % 10).\($1 % 7)") ?? 0) }) < 1e-6)
    }
}
