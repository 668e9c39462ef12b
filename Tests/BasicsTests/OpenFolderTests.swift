import Basics
import Foundation
import Testing

/// Writing a folder anew beside its earlier version: only a file that is the same in every way a
/// reader could notice is linked from the earlier one.
@Suite struct OpenFolderTests {
    /// An earlier folder holding `page.html`, and a new one beside it holding the sample file.
    struct Folders {
        let root: URL
        let earlier: OpenFolder
        let new: OpenFolder
        let reuse: EarlierFolder

        init(page: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-folder-\(UUID().uuidString)")
            for name in ["earlier", "new"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            earlier = try OpenFolder(root.appendingPathComponent("earlier").path)
            new = try OpenFolder(root.appendingPathComponent("new").path)
            try earlier.write("page.html", Array(page.utf8))
            try new.write("sample", [])
            reuse = try #require(EarlierFolder(earlier, like: "sample", in: new))
        }

        func inode(_ folder: String, _ name: String) throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("\(folder)/\(name)").path)[.systemFileNumber] as? UInt64)
        }

        func text(_ folder: String, _ name: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
        }
    }

    @Test func theSameBytesAreLinked() throws {
        let folders = try Folders(page: "<p>dezelfde</p>")
        var scratch: [UInt8] = []
        #expect(try folders.new.write("page.html", Array("<p>dezelfde</p>".utf8), keepingSameFrom: folders.reuse, scratch: &scratch))
        #expect(try folders.inode("new", "page.html") == folders.inode("earlier", "page.html"))
    }

    @Test(arguments: ["<p>andere!</p>", "<p>langer dan de oude</p>", "", "<p>dezelfde"])
    func otherBytesAreWritten(_ bytes: String) throws {
        let folders = try Folders(page: "<p>dezelfde</p>")
        var scratch: [UInt8] = []
        #expect(try !folders.new.write("page.html", Array(bytes.utf8), keepingSameFrom: folders.reuse, scratch: &scratch))
        #expect(try folders.text("new", "page.html") == bytes)
        #expect(try folders.text("earlier", "page.html") == "<p>dezelfde</p>")
        #expect(try folders.inode("new", "page.html") != folders.inode("earlier", "page.html"))
    }

    @Test func aFileTheEarlierFolderLacksIsWritten() throws {
        let folders = try Folders(page: "x")
        var scratch: [UInt8] = []
        #expect(try !folders.new.write("other.html", Array("x".utf8), keepingSameFrom: folders.reuse, scratch: &scratch))
        #expect(try folders.text("new", "other.html") == "x")
    }

    /// A page made private by hand, a page the user also keeps under another name, and a link in
    /// place of a page all have the right bytes, and are still written anew.
    @Test func onlyAPlainFileOfTheBuildsOwnKindIsLinked() throws {
        let page = "<p>dezelfde</p>"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let outside = root.appendingPathComponent("elders.html")
        try Data(page.utf8).write(to: outside)
        let changes: [(String, (URL) throws -> Void)] = [
            ("private", { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: $0.path) }),
            ("linked elsewhere", { try FileManager.default.linkItem(at: $0, to: root.appendingPathComponent("kopie-\(UUID().uuidString)")) }),
            ("a symbolic link", {
                try FileManager.default.removeItem(at: $0)
                try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: outside)
            }),
        ]
        for (what, change) in changes {
            let folders = try Folders(page: page)
            try change(folders.root.appendingPathComponent("earlier/page.html"))
            var scratch: [UInt8] = []
            let linked = try folders.new.write("page.html", Array(page.utf8), keepingSameFrom: folders.reuse, scratch: &scratch)
            #expect(!linked, "\(what)")
            let attributes = try FileManager.default.attributesOfItem(atPath: folders.root.appendingPathComponent("new/page.html").path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(what)")
            #expect(attributes[.referenceCount] as? Int == 1, "\(what)")
        }
    }
}
