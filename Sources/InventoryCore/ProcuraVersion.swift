/// The version of Procura: printed by `procura --version`, served by the web app's `/health`.
public enum ProcuraVersion {
    /// Semantic version of this build.
    public static let current = "0.10.0"
}
