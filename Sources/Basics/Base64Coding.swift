/// Base64 for the logo kept in the settings table, without Foundation.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - offset * 8) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - position * 6)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var lookup = [UInt8](repeating: 255, count: 256)
        for (value, byte) in alphabet.enumerated() { lookup[Int(byte)] = UInt8(value) }
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            let value = lookup[Int(byte)]
            guard value != 255 else { return nil }
            buffer = (buffer << 6) | Int(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> bits) & 0xFF))
            }
        }
        return output
    }
}
