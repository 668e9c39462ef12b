import Store

/// Step 1's text: the service vision the team sharpened.
public struct Vision: Sendable, Equatable {
    public let text: String
    public let updatedOn: String

    public var json: JSONObject { JSONObject([("text", .string(text)), ("updated_on", .string(updatedOn))]) }
}

extension RoadmapFile {
    public func vision() throws -> Vision? {
        try connection.first("SELECT text, updated_on FROM vision WHERE id = 1").map {
            Vision(text: $0.string(0), updatedOn: $0.string(1))
        }
    }

    public func setVision(_ text: String, on date: ISODate = .today()) throws {
        try write { try store(Vision(text: text, updatedOn: date.description)) }
    }

    func store(_ vision: Vision) throws {
        guard !vision.text.trimmingSpaces.isEmpty else {
            throw DomainError.inconsistent(Message("de visie kan niet leeg zijn; geef de tekst tussen aanhalingstekens of met --file",
                                                   "the vision cannot be empty; give its text in quotes or with --file"))
        }
        let before = try self.vision()
        try connection.run(
            "INSERT INTO vision (id, text, updated_on) VALUES (1, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET text = excluded.text, updated_on = excluded.updated_on",
            [.text(vision.text), .text(vision.updatedOn)])
        try audit(action: before == nil ? "add" : "edit", record: "vision", summary: "set the vision",
                  before: before.map { .object($0.json) }, after: .object(vision.json))
    }
}
