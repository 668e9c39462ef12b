import Foundation
import Store
import Testing

// The key's hex form and the legacy setting are internal: the tests look for them in the files.
@testable import SixSteps

// The secret of the case-key hashes lives in a key file, never in the roadmap, its export, its
// journal or its audit trail; a roadmap of an older molensloot that held it gives it up once.

private func csv(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

/// The bytes of the roadmap file and whatever journal SQLite keeps beside it.
private func roadmapBytes(_ file: RoadmapFile) -> [UInt8] {
    ["", "-wal", "-shm", "-journal"].flatMap { FileManager.default.contents(atPath: file.path + $0).map(Array.init) ?? [] }
}

private func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
}

@Suite struct PseudonymKeyTests {
    @Test func aNewKeyFileIsPrivateRandomAndNeverReplaced() throws {
        try withFolder { folder in
            let path = folder.file("geheim/pseudonym.key")
            let key = try PseudonymKey.create(path: path)
            #expect(try mode(path) == 0o600)
            #expect(try mode(folder.file("geheim")) == 0o700)
            #expect(try PseudonymKey.load(path: path) == key)
            #expect(throws: PseudonymKeyError.exists(path: path)) { try PseudonymKey.create(path: path) }
            #expect(try PseudonymKey.load(path: path) == key, "the refused create left the key alone")
            #expect(try PseudonymKey.create(path: folder.file("tweede.key")) != key)
        }
    }

    @Test func aMissingOpenOrDamagedKeyFileIsRefused() throws {
        try withFolder { folder in
            let missing = folder.file("nergens.key")
            #expect(throws: PseudonymKeyError.missing(path: missing)) { try PseudonymKey.load(path: missing) }
            let key = try PseudonymKey.create(path: folder.file("open.key"))
            chmod(key.path, 0o644)
            #expect(throws: PseudonymKeyError.open(path: key.path)) { try PseudonymKey.load(path: key.path) }
            let damaged = folder.file("kapot.key")
            _ = FileManager.default.createFile(atPath: damaged, contents: Data("niet hex\n".utf8), attributes: [.posixPermissions: 0o600])
            #expect(throws: PseudonymKeyError.damaged(path: damaged)) { try PseudonymKey.load(path: damaged) }
        }
    }

    @Test func theLocationIsTheOptionElseTheEnvironmentElseTheConfigFolder() {
        let environment = ["MOLENSLOOT_KEY_FILE": "/env.key", "HOME": "/home/anna", "XDG_CONFIG_HOME": "/cfg"]
        #expect(PseudonymKey.location(option: "/opt.key", environment: { environment[$0] }) == "/opt.key")
        #expect(PseudonymKey.location(option: nil, environment: { environment[$0] }) == "/env.key")
        #expect(PseudonymKey.location(option: nil, environment: { $0 == "HOME" ? "/home/anna" : nil })
                == "/home/anna/.config/molensloot/pseudonym.key")
        #expect(PseudonymKey.location(option: nil, environment: { $0 == "XDG_CONFIG_HOME" ? "/cfg" : nil }) == "/cfg/molensloot/pseudonym.key")
    }

    @Test func aKeyFileThatIsNotTheRoadmapsKeyIsRefusedAndWritesNothing() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            #expect(try file.setting(.contactKeyID) == testKey.id)
            let other = try PseudonymKey.create(path: file.path + ".ander.key")
            let before = try RoadmapState(file)
            #expect(throws: PseudonymKeyError.wrongKey(path: other.path)) {
                _ = try file.importVolumes(try csv(handMadeContacts), path: "r.csv", dryRun: false, key: { other })
            }
            #expect(try RoadmapState(file) == before)
        }
    }

    @Test func theSecretIsInNoFileTheExportOrTheAuditTrail() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            let bytes = roadmapBytes(file)
            #expect(!contains(bytes, testKey.hex))
            #expect(!contains(bytes, PseudonymKey.hex(testKey.k0)) && !contains(bytes, PseudonymKey.hex(testKey.k1)))
            // The key's id is there: without it the check above could pass on an empty file.
            #expect(contains(bytes, testKey.id))
            let export = try file.export().serialized()
            #expect(!export.contains(PseudonymKey.hex(testKey.k0)) && !export.contains(PseudonymKey.hex(testKey.k1)))
            #expect(!export.contains("\"contact_key\""))
        }
    }

    /// A file of an older molensloot: the secret in `settings.contact_key`.
    private func olderFile(_ file: RoadmapFile, secret: String) throws {
        try Connection(path: file.path, mode: .readWrite).run("INSERT INTO settings (key, value) VALUES ('contact_key', ?)", [.text(secret)])
    }

    @Test func anOlderFileKeepsWorkingButImportsNoContactsUntilTheSecretIsMovedOut() throws {
        try withContactRoadmap { file in
            let secret = "00112233445566778899aabbccddeeff"
            try olderFile(file, secret: secret)
            #expect(try file.keyCustody() == KeyCustody(keyID: PseudonymKey.parse(secret, path: "")?.id, secretInRoadmap: true, contacts: 0))
            #expect(throws: PseudonymKeyError.stillInRoadmap) {
                _ = try file.importVolumes(try csv(handMadeContacts), path: "r.csv", dryRun: false, key: { testKey })
            }
            // The export never carries it, only its id.
            let export = try file.export()
            #expect(export["settings"]?["contact_key"] == nil)
            #expect(export["settings"]?["contact_key_id"]?.string == PseudonymKey.parse(secret, path: "")?.id)

            let keyFile = file.path + ".key"
            let moved = try file.moveKeyOut(to: keyFile)
            #expect(moved.hex == secret)
            #expect(try PseudonymKey.load(path: keyFile) == moved)
            #expect(try mode(keyFile) == 0o600)
            #expect(try file.setting(.contactKey) == nil && file.setting(.contactKeyID) == moved.id)
            #expect(!contains(roadmapBytes(file), secret), "the secret is still somewhere in the roadmap's files")
            #expect(try file.log(limit: 1)[0].summary == "moved the secret of the case keys out of the roadmap into a key file")
            // Now imports work with the key file, and a second move has nothing to move.
            #expect(try file.importVolumes(try csv(handMadeContacts), path: "r.csv", dryRun: false, key: { moved }).newContacts == 21)
            #expect(throws: DomainError.self) { try file.moveKeyOut(to: keyFile) }
        }
    }

    @Test func theSecretIsNotMovedIntoAKeyFileHoldingAnotherKey() throws {
        try withContactRoadmap { file in
            try olderFile(file, secret: "00112233445566778899aabbccddeeff")
            let other = try PseudonymKey.create(path: file.path + ".key")
            #expect(throws: DomainError.self) { try file.moveKeyOut(to: other.path) }
            #expect(try file.setting(.contactKey) != nil, "refused, so the secret must not be lost")
            #expect(try PseudonymKey.load(path: other.path) == other)
        }
    }

    @Test func anOlderExportWithTheSecretWritesItToTheKeyFileNotTheRoadmap() throws {
        try withFolder { folder in
            let secret = "00112233445566778899aabbccddeeff"
            let text = """
            {"format": "molensloot-roadmap", "version": 3, "settings": {"contact_key": "\(secret)", "municipality": "Molensloot"},
             "channels": [{"slug": "web", "name": "Website"}],
             "contacts": [{"case": "0123456789abcdef", "at": "2014-03-03 09:00:00", "channel": "web", "reason": "Afval", "journey": null}]}
            """
            let roadmap = try RoadmapFile.create(path: folder.file("r.sqlite"), actor: "t", municipality: nil)
            #expect(throws: DomainError.self) { try roadmap.importDocument(text, source: "oud.json", replace: false) }
            #expect(try roadmap.contactCount() == 0)
            let other = try PseudonymKey.create(path: folder.file("ander.key"))
            #expect(throws: DomainError.self) { try roadmap.importDocument(text, source: "oud.json", replace: false, keyFile: other.path) }

            let keyFile = folder.file("sleutel/pseudonym.key")
            try roadmap.importDocument(text, source: "oud.json", replace: false, keyFile: keyFile)
            let key = try PseudonymKey.load(path: keyFile)
            #expect(key.hex == secret)
            #expect(try roadmap.setting(.contactKey) == nil && roadmap.setting(.contactKeyID) == key.id)
            #expect(try roadmap.contactCount() == 1)
            #expect(!contains(roadmapBytes(roadmap), secret))
        }
    }
}
