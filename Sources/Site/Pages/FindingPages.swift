import SixSteps

enum FindingPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {}
}
