/// The version migdash reports in its `User-Agent` and `--version`.
public enum MigdashVersion {
    /// The semantic version of this build.
    public static let string = "0.1.0"
}
