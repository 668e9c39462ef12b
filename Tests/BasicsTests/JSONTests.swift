import Foundation
import Basics
import Testing

@Suite struct JSONTests {
    // MARK: Helpers

    /// The error a parse fails with, or nil when it succeeds.
    private func failure(_ text: String) -> JSONError? {
        do {
            _ = try JSON.parse(text)
            return nil
        } catch {
            return error
        }
    }

    private func expectError(
        _ text: String, line: Int, column: Int, message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            failure(text).map { [$0.line, $0.column] } == [line, column] && failure(text)?.message.en == message,
            "parsing \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    private func expectRoundTrip(_ value: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
        for pretty in [false, true] {
            let text = value.serialized(pretty: pretty)
            #expect((try? JSON.parse(text)) == value, "pretty: \(pretty), text: \(text)", sourceLocation: sourceLocation)
        }
    }

    private func object(_ pairs: [(String, JSON)]) -> JSON {
        .object(JSONObject(pairs))
    }

    // MARK: Strings

    @Test func parsesEveryEscape() throws {
        let parsed = try JSON.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\u0000""#)
        #expect(parsed == .string("\"\\/\u{08}\u{0C}\n\r\tAé€\u{0}"))
    }

    @Test func serializesEscapesAndLeavesEverythingElseAsIs() {
        let value = JSON.string("a\"b\\c\n\t\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}/<é😀")
        #expect(value.serialized() == #""a\"b\\c\n\t\r\b\f\u0001\u001f"# + "\u{7F}/<é😀\"")
        #expect(JSON.string("plain").serialized() == #""plain""#)
        #expect(JSON.string("").serialized() == #""""#)
        expectRoundTrip(value)
    }

    @Test func escapesKeysToo() {
        let value = object([("line\nbreak \"quoted\"", .int(1))])
        #expect(value.serialized() == #"{"line\nbreak \"quoted\"":1}"#)
        expectRoundTrip(value)
    }

    @Test func rejectsBadEscapesAndRawControlCharacters() {
        expectError(#""\x""#, line: 1, column: 2, message: #"invalid escape sequence '\x'"#)
        expectError(#""ab\u12""#, line: 1, column: 4, message: #"invalid \u escape, expected four hexadecimal digits"#)
        expectError(#""\u12G4""#, line: 1, column: 2, message: #"invalid \u escape, expected four hexadecimal digits"#)
        expectError("\"a\nb\"", line: 1, column: 3, message: "unescaped control character U+000A in string")
        expectError("[\"x\\n\",\n \"a\tb\"]", line: 2, column: 4, message: "unescaped control character U+0009 in string")
        expectError("\"\\", line: 1, column: 2, message: "unterminated escape sequence")
    }

    @Test func unicodeTextPassesThrough() throws {
        let text = "é😀👨‍👩‍👧 ñ 日本語"
        let parsed = try JSON.parse("\"\(text)\"")
        #expect(parsed == .string(text))
        #expect(try JSON.parse(#""\u00e9""#) == .string("é"))
        #expect(try JSON.parse(#""\u65E5\u672c""#) == .string("日本"))
        #expect(JSON.string(text).serialized() == "\"\(text)\"")
        let key = object([(text, .string(text))])
        #expect(key.serialized() == "{\"\(text)\":\"\(text)\"}")
        expectRoundTrip(key)
    }

    @Test func surrogatePairsDecodeToOneScalar() throws {
        #expect(try JSON.parse(#""\uD83D\uDE00""#) == .string("😀"))
        #expect(try JSON.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSON.parse(#""a\uD834\uDD1Eb""#) == .string("a𝄞b"))
        #expect(try JSON.parse(#""\uDBFF\uDFFF""#) == .string("\u{10FFFF}"))
        // Written back as raw UTF-8, not as escapes.
        #expect(try JSON.parse(#""\uD83D\uDE00""#).serialized() == "\"😀\"")
    }

    @Test func loneSurrogatesAreErrors() {
        expectError(#""\uD800""#, line: 1, column: 2, message: #"lone surrogate \uD800 in string"#)
        expectError(#""x\uDC00y""#, line: 1, column: 3, message: #"lone surrogate \uDC00 in string"#)
        expectError(#""\uD83Dabc""#, line: 1, column: 2, message: #"lone surrogate \uD83D in string"#)
        expectError(#""\uD800\u0041""#, line: 1, column: 2, message: #"lone surrogate \uD800 in string"#)
        expectError(#""\uD800\uD800""#, line: 1, column: 2, message: #"lone surrogate \uD800 in string"#)
    }

    // MARK: Numbers

    @Test func integersStayIntegersWithinInt64() throws {
        #expect(try JSON.parse("0") == .int(0))
        #expect(try JSON.parse("42") == .int(42))
        #expect(try JSON.parse("-17") == .int(-17))
        #expect(try JSON.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSON.parse("-9223372036854775808") == .int(Int64.min))
        // One past either end no longer fits and becomes a double.
        #expect(try JSON.parse("9223372036854775808") == .double(9_223_372_036_854_775_808.0))
        #expect(try JSON.parse("-9223372036854775809") == .double(-9_223_372_036_854_775_809.0))
        #expect(try JSON.parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
        #expect(JSON.int(Int64.min).serialized() == "-9223372036854775808")
        #expect(JSON.int(Int64.max).serialized() == "9223372036854775807")
    }

    @Test func fractionsAndExponentsAreDoubles() throws {
        #expect(try JSON.parse("1.0") == .double(1.0))
        #expect(try JSON.parse("1e2") == .double(100))
        #expect(try JSON.parse("1E+2") == .double(100))
        #expect(try JSON.parse("25e-2") == .double(0.25))
        #expect(try JSON.parse("0.1") == .double(0.1))
        #expect(try JSON.parse("-7.8") == .double(-7.8))
        #expect(try JSON.parse("1e-400") == .double(0))
        #expect(try JSON.parse("5e-324") == .double(Double.leastNonzeroMagnitude))
    }

    @Test func negativeZero() throws {
        // Without a fraction or exponent "-0" is an integer, and integers have no sign of zero.
        #expect(try JSON.parse("-0") == .int(0))
        let parsed = try JSON.parse("-0.0")
        #expect(parsed.double?.sign == .minus)
        #expect(parsed.double == 0)
        #expect(JSON.double(-0.0).serialized() == "-0.0")
        #expect(try JSON.parse(JSON.double(-0.0).serialized()).double?.sign == .minus)
    }

    @Test func overflowingNumbersAreErrors() {
        expectError("1e400", line: 1, column: 1, message: "number out of range")
        expectError("[1, -1e400]", line: 1, column: 5, message: "number out of range")
        expectError("{\n  \"x\": 2.5e999\n}", line: 2, column: 8, message: "number out of range")
    }

    @Test func malformedNumbers() {
        expectError("01", line: 1, column: 1, message: "leading zeros are not allowed in numbers")
        expectError("-", line: 1, column: 2, message: "expected a digit after '-'")
        expectError("-Infinity", line: 1, column: 2, message: "expected a digit after '-'")
        expectError("1.", line: 1, column: 3, message: "expected a digit after the decimal point")
        expectError("1.e5", line: 1, column: 3, message: "expected a digit after the decimal point")
        expectError("1e", line: 1, column: 3, message: "expected a digit in the exponent")
        expectError("1e+", line: 1, column: 4, message: "expected a digit in the exponent")
        expectError(".5", line: 1, column: 1, message: "expected a value, found '.'")
        expectError("+1", line: 1, column: 1, message: "expected a value, found '+'")
        expectError("NaN", line: 1, column: 1, message: "expected a value, found 'N'")
        expectError("0x10", line: 1, column: 2, message: "unexpected 'x' after the JSON value")
    }

    @Test func doublesSerializeInShortestRoundTripForm() {
        let cases: [(Double, String)] = [
            (2.0, "2.0"), (-3.0, "-3.0"), (0.1, "0.1"), (7.8, "7.8"), (1e-5, "1e-05"),
            (1.5e20, "1.5e+20"), (1e14, "100000000000000.0"), (999_999_999_999_999.0, "999999999999999.0"),
            (1e15, "1000000000000000.0"), (1e16, "1e+16"),
            (0.1 + 0.2, "0.30000000000000004"), (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        ]
        for (number, text) in cases {
            #expect(JSON.double(number).serialized() == text)
            #expect(JSON.double(number).serialized(pretty: true) == text)
            #expect((try? JSON.parse(text)) == .double(number), "\(text)")
        }
    }

    @Test func nonFiniteDoublesBecomeNull() {
        let value = JSON.array([.double(.nan), .double(.infinity), .double(-.infinity), .double(1)])
        #expect(value.serialized() == "[null,null,null,1.0]")
    }

    // MARK: Literals and structure

    @Test func literals() throws {
        #expect(try JSON.parse("true") == .bool(true))
        #expect(try JSON.parse("false") == .bool(false))
        #expect(try JSON.parse(" null ") == .null)
        expectError("tru", line: 1, column: 1, message: "invalid literal, expected 'true'")
        expectError("[true,fals]", line: 1, column: 7, message: "invalid literal, expected 'false'")
        expectError("nULL", line: 1, column: 1, message: "invalid literal, expected 'null'")
    }

    @Test func compactLayoutHasNoWhitespace() {
        let value = object([
            ("a", .int(1)), ("b", .array([.int(1), .int(2)])), ("c", .object(JSONObject())),
            ("d", .array([])), ("e", .null), ("f", .bool(false)), ("g", .string("x y")),
        ])
        #expect(value.serialized() == #"{"a":1,"b":[1,2],"c":{},"d":[],"e":null,"f":false,"g":"x y"}"#)
        #expect(value.serialized(pretty: false) == value.serialized())
    }

    @Test func prettyLayoutIsExact() {
        let value = object([
            ("name", .string("Molensloot")),
            ("steps", .array([.int(1), .double(2.5), .array([])])),
            ("empty", .array([])),
            ("meta", .object(JSONObject())),
            ("nested", object([("ok", .bool(true)), ("none", .null), ("list", .array([object([("x", .int(-1))])]))])),
        ])
        let expected = """
            {
              "name": "Molensloot",
              "steps": [
                1,
                2.5,
                []
              ],
              "empty": [],
              "meta": {},
              "nested": {
                "ok": true,
                "none": null,
                "list": [
                  {
                    "x": -1
                  }
                ]
              }
            }
            """
        #expect(value.serialized(pretty: true) == expected)
        #expect(JSON.array([]).serialized(pretty: true) == "[]")
        #expect(JSON.object(JSONObject()).serialized(pretty: true) == "{}")
        #expect(JSON.int(3).serialized(pretty: true) == "3")
    }

    @Test func roundTripsNestedValuesInBothForms() throws {
        let value = object([
            ("ints", .array([.int(0), .int(-1), .int(Int64.max), .int(Int64.min)])),
            ("doubles", .array([.double(0.5), .double(-0.0), .double(3), .double(1e300), .double(.leastNonzeroMagnitude), .double(1e15), .double(123.456)])),
            ("strings", .array([.string(""), .string("\u{0}\u{1F}\"\\/"), .string("😀 é \u{2028}")])),
            ("deep", .array([.array([.array([object([("k", .array([.null, .bool(true), .bool(false)]))])])])])),
            ("empty", object([("a", .array([])), ("o", .object(JSONObject()))])),
        ])
        expectRoundTrip(value)
        for scalar in [JSON.null, .bool(true), .int(7), .double(7.5), .string("s"), .array([]), .object(JSONObject())] {
            expectRoundTrip(scalar)
        }
        // A double with an integral value must come back as a double, not an int.
        #expect(try JSON.parse(JSON.double(3).serialized()) == .double(3))
    }

    @Test func randomValuesRoundTrip() {
        var generator = JSONTestRandom(seed: 0x6D6F_6C65_6E73)
        for _ in 0..<300 {
            let value = jsonTestRandomValue(depth: 0, using: &generator)
            expectRoundTrip(value)
        }
    }

    @Test func outputIsValidForAnIndependentParser() throws {
        let value = object([
            ("text", .string("tab\t nl\n quote\" slash\\ ctl\u{1} é 😀 </script>")),
            ("n", .array([.int(-12), .double(0.1), .double(1.5e20), .double(1e-5), .double(2)])),
        ])
        for pretty in [false, true] {
            let data = Data(value.serialized(pretty: pretty).utf8)
            let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(decoded["text"] as? String == "tab\t nl\n quote\" slash\\ ctl\u{1} é 😀 </script>")
            let numbers = try #require(decoded["n"] as? [NSNumber])
            #expect(numbers.map(\.doubleValue) == [-12, 0.1, 1.5e20, 1e-5, 2])
        }
    }

    // MARK: Errors

    @Test func missingCommaReportsLineAndColumn() {
        let document = """
            {
              "name": "x",
              "size": 12 "colour": "red"
            }
            """
        let error = failure(document)
        #expect(error?.line == 3 && error?.column == 14 && error?.message.en == "expected ',' or '}' after an object member")
        #expect(error?.text(dutch: true) == "regel 3, kolom 14: verwacht ',' of '}' na een lid van een object")
        #expect(error?.description == "line 3, column 14: expected ',' or '}' after an object member")
        expectError("[\n1,\n2 3]", line: 3, column: 3, message: "expected ',' or ']' after an array element")
    }

    @Test func unterminatedStringPointsAtItsOpeningQuote() {
        expectError(#"{"a": "abc"#, line: 1, column: 7, message: "unterminated string")
        expectError("[\"ok\",\n \"abc\\\"", line: 2, column: 2, message: "unterminated string")
        expectError("\"", line: 1, column: 1, message: "unterminated string")
    }

    @Test func trailingCommasAreErrors() {
        expectError("[1, 2,]", line: 1, column: 6, message: "trailing comma before ']'")
        expectError("{\"a\": 1,\n}", line: 1, column: 8, message: "trailing comma before '}'")
        expectError("[1,", line: 1, column: 4, message: "unexpected end of input, expected a value")
        expectError("[,1]", line: 1, column: 2, message: "expected a value, found ','")
    }

    @Test func emptyAndBlankInput() {
        expectError("", line: 1, column: 1, message: "unexpected end of input, expected a JSON value")
        expectError("  \n ", line: 2, column: 2, message: "unexpected end of input, expected a JSON value")
        expectError("\u{FEFF}", line: 1, column: 1, message: "unexpected end of input, expected a JSON value")
    }

    @Test func depthIsLimitedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        expectError(deep, line: 1, column: 513, message: "nesting too deep (more than 512 levels)")
        let deepObjects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        expectError(deepObjects, line: 1, column: 5 * 512 + 1, message: "nesting too deep (more than 512 levels)")
        expectError(String(repeating: "[", count: 513), line: 1, column: 513, message: "nesting too deep (more than 512 levels)")

        // Exactly the limit is fine.
        let atLimit = String(repeating: "[", count: 512) + "7" + String(repeating: "]", count: 512)
        var value = try JSON.parse(atLimit)
        var depth = 0
        while let inner = value.array?.first {
            value = inner
            depth += 1
        }
        #expect(depth == 512)
        #expect(value == .int(7))
    }

    @Test func trailingGarbageIsAnError() {
        expectError("[1] x", line: 1, column: 5, message: "unexpected 'x' after the JSON value")
        expectError("{}{}", line: 1, column: 3, message: "unexpected '{' after the JSON value")
        expectError("1 2", line: 1, column: 3, message: "unexpected '2' after the JSON value")
        expectError("\"a\"\n\u{0}", line: 2, column: 1, message: "unexpected U+0000 after the JSON value")
    }

    @Test func objectSyntaxErrors() {
        expectError(#"{"a" 1}"#, line: 1, column: 6, message: "expected ':' after an object key, found '1'")
        expectError("{a:1}", line: 1, column: 2, message: "expected a string key after '{', found 'a'")
        expectError(#"{"a":1,2:3}"#, line: 1, column: 8, message: "expected a string key after ',', found '2'")
        expectError(#"{"a":1"#, line: 1, column: 7, message: "unexpected end of input, expected ',' or '}' after an object member")
        expectError(#"{"a":}"#, line: 1, column: 6, message: "expected a value, found '}'")
        expectError("[1}", line: 1, column: 3, message: "expected ',' or ']' after an array element")
    }

    @Test func duplicateKeysAreErrors() {
        expectError(#"{"a":1,"b":2,"a":3}"#, line: 1, column: 14, message: #"duplicate key "a""#)
        expectError(#"{"x":{"q\n":1,"q\n":2}}"#, line: 1, column: 15, message: #"duplicate key "q\n""#)
        // Large objects look keys up differently; the check must hold there as well.
        let members = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        expectError("{\(members),\"k7\":0}", line: 1, column: members.count + 3, message: #"duplicate key "k7""#)
        #expect(failure("{\(members),\"k40\":0}") == nil)
    }

    @Test func columnsCountCharactersNotBytes() {
        expectError("[\"é😀👨‍👩‍👧\", x]", line: 1, column: 9, message: "expected a value, found 'x'")
        expectError("[1,\r\n2,\r\n}", line: 3, column: 1, message: "expected a value, found '}'")
        expectError("[1,\r2,\r}", line: 3, column: 1, message: "expected a value, found '}'")
        expectError("[1, é]", line: 1, column: 5, message: "expected a value, found 'é' (U+00E9)")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try JSON.parse("\u{FEFF}{\"a\":1}") == object([("a", .int(1))]))
        expectError("\u{FEFF}[1,]", line: 1, column: 3, message: "trailing comma before ']'")
        // Only at the very start: anywhere else it is not whitespace.
        expectError("[1]\u{FEFF}", line: 1, column: 4, message: "unexpected '\u{FEFF}' (U+FEFF) after the JSON value")
    }

    @Test func truncatedDocumentsFailCleanly() throws {
        let document = """
            {"a": [1, -2.5e3, true, false, null], "b": {"c": "d\\u00e9\\uD83D\\uDE00\\n"}, "e": []}
            """
        #expect(try JSON.parse(document).serialized() == #"{"a":[1,-2500.0,true,false,null],"b":{"c":"dé😀\n"},"e":[]}"#)
        let characters = Array(document)
        for length in 0..<characters.count {
            let prefix = String(characters[0..<length])
            let error = failure(prefix)
            #expect(error != nil, "prefix \(prefix.debugDescription) should not parse")
            if let error {
                #expect(error.line == 1)
                #expect((1...length + 1).contains(error.column), "\(error) for \(prefix.debugDescription)")
            }
        }
    }

    // MARK: Objects

    @Test func keyOrderIsPreserved() throws {
        let text = #"{"zeta":1,"alpha":2,"mid":{"y":true,"b":null},"a":[]}"#
        let parsed = try JSON.parse(text)
        #expect(parsed.object?.keys == ["zeta", "alpha", "mid", "a"])
        #expect(parsed["mid"]?.object?.keys == ["y", "b"])
        #expect(parsed.serialized() == text)

        let many = (0..<100).reversed().map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        let big = try JSON.parse("{\(many)}")
        #expect(big.object?.keys == (0..<100).reversed().map { "key\($0)" })
        #expect(big.serialized() == "{\(many)}")
        #expect(big["key42"] == .int(42))
    }

    @Test func equalityIsOrderSensitive() {
        let ab = JSONObject([("a", .int(1)), ("b", .int(2))])
        let ba = JSONObject([("b", .int(2)), ("a", .int(1))])
        #expect(ab != ba)
        #expect(ab == JSONObject([("a", .int(1)), ("b", .int(2))]))
        #expect(JSON.object(ab) != JSON.object(ba))
    }

    @Test func subscriptSetReplacesAppendsAndRemoves() {
        var members = JSONObject()
        #expect(members.count == 0)
        members["a"] = .int(1)
        members["b"] = .int(2)
        members["c"] = .int(3)
        #expect(members.keys == ["a", "b", "c"])

        members["b"] = .string("two")
        #expect(members.keys == ["a", "b", "c"])
        #expect(members["b"] == .string("two"))

        members["a"] = nil
        #expect(members.keys == ["b", "c"])
        #expect(members["a"] == nil)
        #expect(members.count == 2)

        members["missing"] = nil
        #expect(members.keys == ["b", "c"])

        members["a"] = .null
        #expect(members.keys == ["b", "c", "a"])
        #expect(members["a"] == .null)
        #expect(JSON.object(members).serialized() == #"{"b":"two","c":3,"a":null}"#)
    }

    @Test func subscriptWorksOnLargeObjects() {
        var members = JSONObject()
        for number in 0..<50 {
            members["k\(number)"] = .int(Int64(number))
        }
        #expect(members.count == 50)
        members["k10"] = .bool(true)
        #expect(members.keys[10] == "k10")
        #expect(members["k10"] == .bool(true))
        for number in stride(from: 0, to: 50, by: 2) {
            members["k\(number)"] = nil
        }
        #expect(members.count == 25)
        #expect(members.keys.first == "k1")
        #expect(members["k11"] == .int(11))
        #expect(members["k12"] == nil)
        // Removing down through the small-object size must keep lookups right.
        for number in stride(from: 1, to: 45, by: 2) {
            members["k\(number)"] = nil
        }
        #expect(members.keys == ["k45", "k47", "k49"])
        #expect(members["k47"] == .int(47))
        members["k0"] = .null
        #expect(members.keys == ["k45", "k47", "k49", "k0"])
    }

    @Test func initWithPairsAndAppend() {
        var members = JSONObject([("x", .int(1)), ("y", .int(2)), ("x", .int(3))])
        // A repeated key behaves like a subscript assignment: replaced in place.
        #expect(members.keys == ["x", "y"])
        #expect(members["x"] == .int(3))
        members.append("z", .bool(false))
        #expect(members.keys == ["x", "y", "z"])
        #expect(members["z"] == .bool(false))
        let pairs = members.map { "\($0.key)=\($0.value.serialized())" }
        #expect(pairs == ["x=3", "y=2", "z=false"])
    }

    // MARK: Accessors

    @Test func accessors() {
        #expect(JSON.string("s").string == "s")
        #expect(JSON.int(1).string == nil)
        #expect(JSON.int(5).int == 5)
        #expect(JSON.double(3).int == 3)
        #expect(JSON.double(-0.0).int == 0)
        #expect(JSON.double(3.5).int == nil)
        #expect(JSON.double(1e300).int == nil)
        #expect(JSON.double(.nan).int == nil)
        #expect(JSON.string("5").int == nil)
        #expect(JSON.double(2.5).double == 2.5)
        #expect(JSON.int(-4).double == -4)
        #expect(JSON.bool(true).double == nil)
        #expect(JSON.bool(false).bool == false)
        #expect(JSON.null.bool == nil)
        #expect(JSON.array([.null]).array == [.null])
        #expect(JSON.object(JSONObject()).array == nil)
        #expect(JSON.object(JSONObject([("a", .null)])).object?.keys == ["a"])
        #expect(JSON.array([]).object == nil)
        #expect(JSON.null.isNull)
        #expect(!JSON.bool(false).isNull)

        let value = object([("a", object([("b", .int(1))]))])
        #expect(value["a"]?["b"] == .int(1))
        #expect(value["a"]?["missing"] == nil)
        #expect(value["missing"] == nil)
        #expect(JSON.array([.int(1)])["a"] == nil)
        #expect(JSON.string("a")["a"] == nil)
    }

    @Test func largeDocumentRoundTrips() throws {
        var items: [JSON] = []
        for number in 0..<20_000 {
            items.append(object([
                ("id", .int(Int64(number))), ("name", .string("item \(number) — é")),
                ("score", .double(Double(number) / 8)), ("tags", .array([.string("a"), .bool(number % 2 == 0)])),
            ]))
        }
        let value = JSON.array(items)
        let compact = value.serialized()
        #expect(try JSON.parse(compact) == value)
        #expect(try JSON.parse(value.serialized(pretty: true)) == value)
        #expect(compact.hasPrefix(#"[{"id":0,"name":"item 0 — é","score":0.0,"tags":["a",true]},"#))
    }
}

// MARK: - Random values

/// A small deterministic generator so a failing case can be reproduced.
private struct JSONTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

private let jsonTestStringPieces: [String] = [
    "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{0}", "\u{1F}", "\u{7F}", "é", "e\u{301}", "😀", "👨‍👩‍👧", "\u{2028}", "<", "日", "{", "]", ",", ":",
]

private func jsonTestRandomString(using generator: inout JSONTestRandom) -> String {
    let length = Int.random(in: 0...8, using: &generator)
    var text = ""
    for _ in 0..<length {
        text += jsonTestStringPieces[Int.random(in: 0..<jsonTestStringPieces.count, using: &generator)]
    }
    return text
}

private func jsonTestRandomDouble(using generator: inout JSONTestRandom) -> Double {
    switch Int.random(in: 0..<4, using: &generator) {
    case 0:
        return Double(Int.random(in: -1000...1000, using: &generator))
    case 1:
        return Double.random(in: -1...1, using: &generator)
    case 2:
        return Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 100
    default:
        while true {
            let candidate = Double(bitPattern: generator.next())
            if candidate.isFinite { return candidate }
        }
    }
}

private func jsonTestRandomValue(depth: Int, using generator: inout JSONTestRandom) -> JSON {
    let choice = Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &generator)
    switch choice {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &generator))
    case 2:
        return .int(Bool.random(using: &generator)
            ? Int64.random(in: -100...100, using: &generator)
            : Int64(bitPattern: generator.next()))
    case 3: return .double(jsonTestRandomDouble(using: &generator))
    case 4, 5: return .string(jsonTestRandomString(using: &generator))
    case 6:
        let count = Int.random(in: 0...5, using: &generator)
        return .array((0..<count).map { _ in jsonTestRandomValue(depth: depth + 1, using: &generator) })
    default:
        var members = JSONObject()
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            members[jsonTestRandomString(using: &generator)] = jsonTestRandomValue(depth: depth + 1, using: &generator)
        }
        return .object(members)
    }
}
