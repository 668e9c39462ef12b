/// Each checked text of an import once, by number: a million rows hold a few hundred different
/// dates, slugs and reasons, which the rows keep as numbers into `texts` instead of a String each.
struct NumberedTexts {
    private(set) var texts: [String] = []
    private var numbers: [String: UInt32] = [:]

    /// The number of `text`, given it the first time it is met.
    mutating func number(_ text: String) -> UInt32 {
        if let known = numbers[text] { return known }
        let number = UInt32(texts.count)
        texts.append(text)
        numbers[text] = number
        return number
    }
}
