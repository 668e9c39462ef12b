import Store

extension StoreError {
    /// The store speaks of databases; a person at the command line has a roadmap, named with --db.
    var forCommandLine: String {
        switch self {
        case .missing(let path):
            return "no roadmap at \(path); create one with 'molensloot init' or pass --db PATH"
        case .notADatabase(let path):
            return "\(path) is not a Molensloot database (not an SQLite file); pass the right file with --db PATH"
        case .foreignDatabase(let path):
            return "\(path) is an SQLite file but not a Molensloot roadmap; pass the right file with --db PATH"
        case .newerSchema(let path, let found, let known):
            return "\(path) was written by a newer Molensloot (schema \(found), this one knows up to \(known)); "
                + "upgrade molensloot, the file was left untouched"
        default:
            return description
        }
    }
}
