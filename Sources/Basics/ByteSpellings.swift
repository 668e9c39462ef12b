/// Texts met before, found by their bytes without making a String: a small open-addressing table,
/// for the handful of channels and few dozen reasons among a million contacts.
public struct ByteSpellings {
    private var slots = [(bytes: [UInt8], checked: UInt32)?](repeating: nil, count: 64)
    private var count = 0

    public init() {}

    public subscript(bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var slot = Self.hash(bytes) & (slots.count - 1)
        while let entry = slots[slot] {
            if entry.bytes.elementsEqual(bytes) { return entry.checked }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    public mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ checked: UInt32) {
        if (count + 1) * 2 > slots.count {
            let entries = slots.compactMap { $0 }
            slots = Array(repeating: nil, count: slots.count * 2)
            count = 0
            for entry in entries { entry.bytes.withUnsafeBufferPointer { insert($0, entry.checked) } }
        }
        insert(bytes, checked)
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ checked: UInt32) {
        var slot = Self.hash(bytes) & (slots.count - 1)
        while let entry = slots[slot] {
            if entry.bytes.elementsEqual(bytes) { return }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = (Array(bytes), checked)
        count += 1
    }

    /// FNV-1a: the spellings are short and few, and they come from the person's own file.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
