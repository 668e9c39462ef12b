/// A string's UTF-8 bytes, read in place. Native strings are contiguous, so this is what
/// `withUTF8` gives without its `inout` copy, which retains and releases the string each time:
/// a site build reads millions of strings this way, and those pairs were a tenth of its time.
@inlinable
public func withUTF8Bytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return try copy.withUTF8(body)
}
