/// A sentence for a person, in Dutch and in English. Both are written where the problem is
/// found, so the command line can speak the language the person chose; `description` is the
/// English one, for logs and for callers that have no language.
public struct Message: Sendable, Equatable, CustomStringConvertible {
    public let nl: String
    public let en: String

    public init(_ nl: String, _ en: String) {
        self.nl = nl
        self.en = en
    }

    public var description: String { en }

    /// The text in Dutch (`dutch` true) or English.
    public func text(dutch: Bool) -> String { dutch ? nl : en }

    /// Two messages joined, each language with its own.
    public static func + (left: Message, right: Message) -> Message {
        Message(left.nl + right.nl, left.en + right.en)
    }
}
