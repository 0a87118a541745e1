import InventoryCore

extension SettingsSchema {
    /// `classification.*`: window, ABC / XYZ / Syntetos–Boylan cut-offs, scope, hysteresis
    /// margins, new and dying item horizons.
    static var classificationKeys: [SettingsKey] {
        [
            .wholeNumber("classification.window_buckets", \.classification.windowBuckets, minimum: 1),
            SettingsKey("classification.abc_cutoffs") { value, settings throws(SettingsProblem) in
                let (a, b) = try value.increasingPair(expected: "two increasing shares in (0,1]") { $0 > 0 && $0 <= 1 }
                settings.classification.abcCutoffA = a
                settings.classification.abcCutoffB = b
            },
            SettingsKey("classification.xyz_cutoffs") { value, settings throws(SettingsProblem) in
                let (x, y) = try value.increasingPair(expected: "two increasing numbers > 0") { $0 > 0 }
                settings.classification.xyzCutoffX = x
                settings.classification.xyzCutoffY = y
            },
            .number("classification.adi_cutoff", \.classification.adiCutoff, expected: "a number ≥ 1") { $0 >= 1 },
            .number("classification.cv2_cutoff", \.classification.cv2Cutoff, expected: "a number > 0") { $0 > 0 },
            .choice("classification.abc_scope", \.classification.abcScope),
            .choice("classification.abc_crossing_item", \.classification.abcCrossingItem),
            .number("classification.abc_margin", \.classification.abcMargin, expected: "a number in [0,1)") {
                $0 >= 0 && $0 < 1
            },
            .number("classification.xyz_margin", \.classification.xyzMargin, expected: "a number ≥ 0") { $0 >= 0 },
            .number("classification.adi_margin", \.classification.adiMargin, expected: "a number ≥ 0") { $0 >= 0 },
            .number("classification.cv2_margin", \.classification.cv2Margin, expected: "a number ≥ 0") { $0 >= 0 },
            .wholeNumber("classification.new_item_buckets", \.classification.newItemBuckets, minimum: 0),
            .wholeNumber("classification.dying_item_buckets", \.classification.dyingItemBuckets, minimum: 1),
        ]
    }
}
