/// The block list of ``PasswordPolicy``: common passwords that attackers try first.
///
/// The list is `Resources/common-passwords.txt`, compiled into the module (no file is read at run
/// time): the entries of Django's list of 20,000 common passwords (made by Royce Williams from
/// breach corpuses; BSD-3-Clause) that have 12 or more characters — shorter ones are refused by
/// the length rule already. Lower case, one per line.
public enum CommonPasswords {
    /// Every entry, in lower case.
    public static let entries: Set<String> = {
        let text = String(decoding: PackageResources.common_passwords_txt, as: UTF8.self)
        var set = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            set.insert(String(line))
        }
        return set
    }()

    /// Whether `password`, in lower case and without surrounding blanks, is on the list.
    public static func contains(_ password: String) -> Bool {
        let normalised = String(password.lowercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        return entries.contains(normalised)
    }
}
