import Basics
import Testing

@Suite struct UTF8BytesTests {
    @Test(arguments: ["", "a", "Oriëntatie – €5 😀", String(repeating: "lange tekst ", count: 100)])
    func aStringsBytesAreItsUTF8(_ text: String) {
        #expect(withUTF8Bytes(of: text) { Array($0) } == Array(text.utf8))
    }

    @Test func aSubstringMadeStringReadsOnlyItsOwnPart() {
        let whole = "voor;midden;na"
        let middle = String(whole.split(separator: ";")[1])
        #expect(withUTF8Bytes(of: middle) { Array($0) } == Array("midden".utf8))
    }
}
