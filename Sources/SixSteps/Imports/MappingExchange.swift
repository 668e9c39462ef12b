import Store

/// Export format 4: the stored mapping of export spellings (`value_mappings`). Metrics carry their
/// `kind` and contacts their `resolved` among their own keys; a version 3 file lacks all three,
/// and reads as mean metrics, contacts without a resolution and no mapping.
extension Exchange {
    static let mappingSections = ["value_mappings"]
}

extension RoadmapFile {
    func appendMappingSections(to document: inout JSONObject) throws {
        document.append("value_mappings", .array(try valueMappings().map { .object($0.json) }))
    }

    func importMappingSections(_ document: JSONObject, source: String) throws -> Int {
        guard let json = document["value_mappings"], !json.isNull else { return 0 }
        guard let entries = json.array else {
            throw DomainError.badImport(Message("\(source): value_mappings moet een lijst zijn", "\(source): value_mappings should be a list"))
        }
        for (index, entry) in entries.enumerated() {
            guard let object = entry.object, let field = object["field"]?.string, let spelling = object["spelling"]?.string,
                  let target = object["target"]?.string, RoadmapFile.mappedFields.contains(field), !spelling.isEmpty, !target.isEmpty,
                  object.keys.allSatisfy({ ["field", "spelling", "target"].contains($0) }) else {
                throw DomainError.badImport(Message(
                    "\(source): value_mappings[\(index)]: heeft precies een field (channel, reason, journey of persona), "
                        + "een spelling en een target nodig",
                    "\(source): value_mappings[\(index)]: needs exactly a field (channel, reason, "
                        + "journey or persona), a spelling and a target"))
            }
            do {
                try connection.run("INSERT INTO value_mappings (field, spelling, target) VALUES (?, ?, ?)",
                                   [.text(field), .text(spelling), .text(target)])
            } catch let error as StoreError {
                throw DomainError.badImport(Message("\(source): value_mappings[\(index)]: ", "\(source): value_mappings[\(index)]: ") + .of(error))
            }
        }
        return entries.count
    }
}
