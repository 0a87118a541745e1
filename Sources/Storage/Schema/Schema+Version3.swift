import SQLKit

extension Schema {
    /// Version 3: API tokens remember the token that created them (`parent_token_id`), so that
    /// revoking a token revokes the tokens made with it.
    static let version3 = Migration(version: 3, name: "API token parents") { db in
        try await db.raw("ALTER TABLE api_tokens ADD COLUMN parent_token_id TEXT").run()
        try await db.create(index: "api_tokens_parent").on("api_tokens").column("parent_token_id").run()
    }
}
