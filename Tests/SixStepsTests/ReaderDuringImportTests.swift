import Store
import Testing

// withBulkImportSettings is internal: the test writes through it as the imports do.
@testable import SixSteps

// Another command reads the last committed roadmap while a long import writes.

@Suite struct ReaderDuringImportTests {
    @Test func aReaderSeesTheLastCommittedRoadmapWhileAnImportWrites() throws {
        try withFolder { folder in
            let path = folder.file("roadmap.sqlite")
            let writer = try RoadmapFile.create(path: path, actor: "import", municipality: "Molensloot")
            try writer.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10"])
            try writer.add(.cycle, input: [.name: "Voorjaar 2014", .status: "open", .startDate: "2014-03-01"])
            try writer.add(.principle, input: [.title: "Niet laten zoeken"])
            var seen: [String] = []
            try writer.withBulkImportSettings(dryRun: false) {
                try writer.write {
                    // 200 000 responses, far more pages than SQLite keeps in memory, so a rollback
                    // journal would hold the exclusive lock by now.
                    try writer.connection.run("""
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
                        INSERT INTO survey_responses (metric, cycle, score, comment)
                        SELECT 'tevredenheid', 1, 1 + i % 10, 'Een opmerking van een inwoner die wat ruimte inneemt ' || i FROM n
                        """)
                    try writer.add(.principle, input: [.title: "Nog niet vastgelegd"])
                    let reader = try RoadmapFile.open(path: path, actor: "lezer")
                    seen = try reader.records(.principle).compactMap { $0[.title].string }
                    #expect(try reader.connection.scalar("SELECT count(*) FROM survey_responses").int == 0)
                }
            }
            #expect(seen == ["Niet laten zoeken"], "the reader saw \(seen)")
            #expect(try writer.connection.scalar("SELECT count(*) FROM survey_responses").int == 200_000)
        }
    }
}
