// A small JSON value type with an RFC 8259 parser and a deterministic serializer.
//
// Only the standard library is used: linking Foundation would cost the command line
// noticeable start-up time, and everything here works on UTF-8 bytes anyway.

/// A JSON value.
///
/// Numbers are kept as `.int` when the source text had no fraction or exponent and
/// fits in `Int64`, so identifiers and counts survive a round trip without going
/// through `Double`.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

// MARK: - JSONObject

/// The members of a JSON object.
///
/// Keys keep their insertion order so that serialization is deterministic and
/// stable across runs, which a `Dictionary` would not give us. Equality is
/// order-sensitive for the same reason: two objects that serialize differently are
/// not considered equal.
///
/// Keys are compared with `String` equality (canonical equivalence), so two keys that
/// differ only in Unicode normalization are the same key.
public struct JSONObject: Sendable, Equatable, Sequence {
    public typealias Element = (key: String, value: JSON)

    // Parallel arrays rather than an array of tuples: `keys` is then free, and tuples
    // are not Equatable, so comparing two objects would need an element-wise loop.
    private var keyList: [String]
    private var valueList: [JSON]
    // Small objects (the vast majority) are searched linearly, which is faster than
    // hashing and costs no allocation; the index only exists past this size.
    private var index: [String: Int]?
    private static let indexThreshold = 32

    public init() {
        keyList = []
        valueList = []
        index = nil
    }

    /// Builds an object from pairs in order. A repeated key replaces the earlier value
    /// in place, exactly as assigning through the subscript would.
    public init(_ pairs: [(String, JSON)]) {
        self.init()
        keyList.reserveCapacity(pairs.count)
        valueList.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    public var keys: [String] { keyList }
    public var values: [JSON] { valueList }
    public var count: Int { keyList.count }
    public var isEmpty: Bool { keyList.isEmpty }

    public subscript(key: String) -> JSON? {
        get {
            guard let position = position(of: key) else { return nil }
            return valueList[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    valueList[position] = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                appendUnchecked(key, newValue)
            }
        }
    }

    /// Appends a member without looking for an existing one with the same key.
    /// The caller guarantees the key is new; the parser uses this after its own
    /// duplicate check so each key is only searched for once.
    public mutating func append(_ key: String, _ value: JSON) {
        assert(position(of: key) == nil, "JSONObject.append: duplicate key \"\(key)\"")
        appendUnchecked(key, value)
    }

    func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    mutating func appendUnchecked(_ key: String, _ value: JSON) {
        keyList.append(key)
        valueList.append(value)
        if index != nil {
            index?[key] = keyList.count - 1
        } else if keyList.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private func position(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        return keyList.firstIndex(of: key)
    }

    private mutating func remove(at position: Int) {
        keyList.remove(at: position)
        valueList.remove(at: position)
        if keyList.count > Self.indexThreshold {
            rebuildIndex()
        } else {
            index = nil
        }
    }

    private mutating func rebuildIndex() {
        var newIndex: [String: Int] = [:]
        newIndex.reserveCapacity(keyList.count)
        for (position, key) in keyList.enumerated() {
            newIndex[key] = position
        }
        index = newIndex
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        // The index is derived data; comparing it would only cost time.
        lhs.keyList == rhs.keyList && lhs.valueList == rhs.valueList
    }

    public struct Iterator: IteratorProtocol {
        private let keys: [String]
        private let values: [JSON]
        private var position = 0

        fileprivate init(keys: [String], values: [JSON]) {
            self.keys = keys
            self.values = values
        }

        public mutating func next() -> (key: String, value: JSON)? {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (key: keys[position], value: values[position])
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(keys: keyList, values: valueList)
    }

    public var underestimatedCount: Int { keyList.count }
}

// MARK: - JSONError

/// A parse error with a 1-based position. The column counts characters (grapheme
/// clusters), not bytes, so it matches what an editor shows.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: Message

    public init(line: Int, column: Int, message: Message) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { text(dutch: false) }

    /// The place and the problem in Dutch or English.
    public func text(dutch: Bool) -> String {
        dutch ? "regel \(line), kolom \(column): \(message.nl)" : "line \(line), column \(column): \(message.en)"
    }
}

// MARK: - Accessors

extension JSON {
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Also answers for a `.double` holding an exact integer, because a value that went
    /// through a tool writing every number as floating point should still read as a count.
    public var int: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            // Not `Int64(exactly:)`: it calls into libm, which this module does not link.
            // The range check also rejects NaN; inside it the conversion cannot trap.
            guard value >= -0x1p63, value < 0x1p63 else { return nil }
            let truncated = Int64(value)
            return Double(truncated) == value ? truncated : nil
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

// MARK: - Parsing

extension JSON {
    /// Deeper documents are rejected rather than risking the stack of whoever walks the
    /// result (equality, destruction and serialization are recursive).
    public static let maximumDepth = 512

    public static func parse(_ text: String) throws(JSONError) -> JSON {
        let outcome: Result<JSON, JSONError>? = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(JSONError) -> JSON in try parse(bytes: bytes) }
        }
        if let outcome {
            return try outcome.get()
        }
        // Native strings are always contiguous; this only covers bridged ones.
        let copy = Array(text.utf8)
        let fallback: Result<JSON, JSONError> = copy.withUnsafeBufferPointer { bytes in
            Result { () throws(JSONError) -> JSON in try parse(bytes: bytes) }
        }
        return try fallback.get()
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSON {
        var parser = JSONParser(bytes: bytes)
        do {
            return try parser.parseDocument()
        } catch {
            throw parser.locate(error)
        }
    }
}
