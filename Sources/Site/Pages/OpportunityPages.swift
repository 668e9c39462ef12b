import SixSteps

enum OpportunityPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {}
}
