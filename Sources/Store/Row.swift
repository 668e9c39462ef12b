/// One result row, decoded eagerly so it outlives the statement that produced it.
public struct Row: Sendable {
    public let values: [SQLValue]
    let columns: ColumnNames

    public subscript(index: Int) -> SQLValue { values[index] }

    public subscript(name: String) -> SQLValue {
        guard let index = columns.index[name] else { return .null }
        return values[index]
    }

    public var columnNames: [String] { columns.names }

    public func string(_ index: Int) -> String { values[index].string ?? "" }
    public func optionalString(_ index: Int) -> String? { values[index].string }
    public func int(_ index: Int) -> Int64 { values[index].int ?? 0 }
    public func optionalInt(_ index: Int) -> Int64? { values[index].int }
    public func double(_ index: Int) -> Double { values[index].double ?? 0 }
    public func optionalDouble(_ index: Int) -> Double? { values[index].double }
}

/// Shared by all rows of one statement, so a row costs only its values.
final class ColumnNames: Sendable {
    let names: [String]
    let index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }
}
