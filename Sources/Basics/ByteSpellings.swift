/// Texts met before, found by their bytes without making a String: a small open-addressing table,
/// for the few hundred dates and the handful of channels, journeys and reasons among a million
/// rows. A spelling may be kept per context (a phase's spelling per journey, by the journey's
/// number), as the same bytes can mean different things there.
public struct ByteSpellings {
    private struct Entry {
        let bytes: [UInt8]
        let context: UInt32
        let checked: UInt32
    }

    private var slots = [Entry?](repeating: nil, count: 64)
    private var count = 0

    public init() {}

    /// The checked form of these bytes in this context; nil when they were not met there.
    public subscript(bytes: UnsafeBufferPointer<UInt8>, context context: UInt32 = 0) -> UInt32? {
        var slot = Self.hash(bytes, context) & (slots.count - 1)
        while let entry = slots[slot] {
            if entry.context == context && entry.bytes.elementsEqual(bytes) { return entry.checked }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    public mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, context: UInt32 = 0, _ checked: UInt32) {
        if (count + 1) * 2 > slots.count {
            let entries = slots.compactMap { $0 }
            slots = Array(repeating: nil, count: slots.count * 2)
            count = 0
            for entry in entries { insert(entry) }
        }
        insert(Entry(bytes: Array(bytes), context: context, checked: checked))
    }

    private mutating func insert(_ new: Entry) {
        var slot = new.bytes.withUnsafeBufferPointer { Self.hash($0, new.context) } & (slots.count - 1)
        while let entry = slots[slot] {
            if entry.context == new.context && entry.bytes == new.bytes { return }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = new
        count += 1
    }

    /// FNV-1a over the context and the bytes: the spellings are short and few, and they come
    /// from the person's own file.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ context: UInt32) -> Int {
        var hash: UInt64 = (0xcbf2_9ce4_8422_2325 ^ UInt64(context)) &* 0x100_0000_01b3
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}

extension CSVRow {
    /// The checked form of a field's spelling in `table`, by the field's bytes. Written here, not
    /// as a closure at the caller: a closure there would capture, and copy, the whole reader.
    public func spelling(_ index: Int, in table: borrowing ByteSpellings, context: UInt32 = 0) -> UInt32? {
        withContent(index) { table[$0, context: context] } ?? nil
    }

    /// Keeps the checked form of the field's spelling in `table`.
    public func remember(_ index: Int, in table: inout ByteSpellings, context: UInt32 = 0, _ checked: UInt32) {
        withContent(index) { table.remember($0, context: context, checked) }
    }
}
