import SixSteps

enum ItemPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {}
}
