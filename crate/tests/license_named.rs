//! A license named in a short text as the one that applies, without its text, is that license:
//! match `declared` (the contract's value for "no text, only a declared id"), with `named` saying
//! where the text names it, and a verdict that says the terms were not read. A license only
//! mentioned (a comparison, a dependency, the base model's) is not taken.

use fineprint::report::{Document, MatchKind, VerdictClass};
use fineprint::{analyze, Options, Report};

fn run(text: &str, opts: &Options) -> Report {
    analyze(&[Document::new("LICENSE", text)], opts).unwrap()
}

#[test]
fn a_license_named_in_a_short_text_is_reported_as_named_not_read() {
    let cases = [
        ("This model is licensed under the Apache License, Version 2.0.", "Apache-2.0", VerdictClass::Open),
        ("# Weights\n\nThe model weights are released under CC BY-NC 4.0.\n", "CC-BY-NC-4.0", VerdictClass::NonCommercial),
        (
            "This repository is distributed under the terms of the Llama 3.1 Community License.",
            "llama-3.1-community",
            VerdictClass::Restricted,
        ),
        ("Copyright 2024 Acme Inc.\n\nLicensed under the MIT License.", "MIT", VerdictClass::Open),
        ("By using this model you agree to the Gemma Terms of Use.", "gemma-terms", VerdictClass::Restricted),
        (
            "This work is licensed under a Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License. To view a copy of this license, visit https://creativecommons.org/licenses/by-nc-sa/4.0/.",
            "CC-BY-NC-SA-4.0",
            VerdictClass::NonCommercial,
        ),
    ];
    for (text, id, class) in cases {
        let r = run(text, &Options::default());
        assert_eq!(r.license.id.as_deref(), Some(id), "{text}");
        assert_eq!(r.license.match_kind, MatchKind::Declared, "{text}");
        let n = r.license.named.as_ref().unwrap_or_else(|| panic!("{text}: no `named`"));
        assert_eq!(&text[n.start..n.end], n.quote, "{text}");
        assert!(r.license.confidence <= 0.5, "{text}");
        assert_eq!(r.verdict.class, class, "{text}: {:?}", r.verdict);
        assert!(r.verdict.label.contains("not read"), "{text}: {}", r.verdict.label);
        assert!(r.verdict.reasons[0].contains("not read"), "{text}: {:?}", r.verdict.reasons);
        assert!(r.warnings.iter().any(|w| w.contains("names")), "{text}: {:?}", r.warnings);
        // The report says so in JSON: the extra field beside the contract's ones.
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["license"]["match"], "declared");
        assert_eq!(json["license"]["named"]["quote"], n.quote.as_str());
    }
}

#[test]
fn a_license_only_mentioned_is_not_the_license() {
    for text in [
        "Unlike the Apache License, Version 2.0, this license does not allow you to sell the model.",
        "This license is compatible with the GNU General Public License v3.0 only.",
        "The base model is licensed under the Llama 3.1 Community License. We trained it further on our data.",
        "This model is fine-tuned from Llama 3.1, which is released under the Llama 3.1 Community License.",
        "Third-party code: tokenizers is licensed under the Apache License 2.0 and NumPy under BSD-3-Clause.",
        "This model is not licensed under the MIT License.",
    ] {
        let r = run(text, &Options::default());
        assert_eq!(r.license.id, None, "{text}: {:?}", r.license);
        assert!(r.license.named.is_none());
        assert_ne!(r.verdict.class, VerdictClass::Open, "{text}");
    }
    // Two different licenses named, neither for the weights: neither is taken, and the report says why.
    let r = run("The code is licensed under the MIT License. This repository is licensed under the Apache License 2.0.", &Options::default());
    assert_eq!(r.license.id, None);
    assert!(r.warnings.iter().any(|w| w.contains("several licenses")), "{:?}", r.warnings);
    // One for the code, one for the weights: a model page is about the weights, and the other is said.
    let r = run("The code is licensed under the MIT License. The model weights are released under CC BY-NC 4.0.", &Options::default());
    assert_eq!(r.license.id.as_deref(), Some("CC-BY-NC-4.0"));
    assert_eq!(r.verdict.class, VerdictClass::NonCommercial);
    assert!(r.warnings.iter().any(|w| w.contains("MIT") && w.contains("weights")), "{:?}", r.warnings);
    // A long document (a whole model card) is no pointer to a license.
    let long = format!("{}\n\nThis model is licensed under the MIT License.", "The model answers questions about plants. ".repeat(80));
    assert_eq!(run(&long, &Options::default()).license.id, None);
}

#[test]
fn what_the_text_adds_to_a_named_license_still_counts() {
    // A restriction beside the name is a rider, not the open license's own words.
    let r = run(
        "This model is licensed under the Apache License, Version 2.0. You may not use it for military purposes or in weapons systems.",
        &Options::default(),
    );
    assert_eq!(r.license.id.as_deref(), Some("Apache-2.0"));
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    // A grant narrowed in words of its own beside the name.
    let r = run(
        "Acme Model License\n\nThis model is released under the MIT License. You may use the model for research purposes.",
        &Options::default(),
    );
    assert_eq!(r.license.id.as_deref(), Some("MIT"));
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?} {:?}", r.license, r.verdict);
    // Words no detector reads are not called open either.
    let r = run(
        "This model is licensed under the MIT License. The licensee shall report each deployment to the authors within thirty days.",
        &Options::default(),
    );
    assert_eq!(r.verdict.class, VerdictClass::Unknown, "{:?}", r.verdict);
    assert!(r.verdict.reasons.iter().any(|x| x.contains("report each deployment")), "{:?}", r.verdict.reasons);
    // The text wins over the hub's declaration, and the difference is said.
    let opts = Options { hf_license: Some("mit".into()), ..Options::default() };
    let r = run("This model is licensed under the Apache License, Version 2.0.", &opts);
    assert_eq!(r.license.id.as_deref(), Some("Apache-2.0"));
    assert!(r.warnings.iter().any(|w| w.contains("declares") && w.contains("MIT")), "{:?}", r.warnings);
}

#[test]
fn the_gnu_notice_names_its_license_and_whether_later_versions_may_be_chosen() {
    let notice = |name: &str, version: &str, later: bool| {
        format!(
            "This program is free software; you can redistribute it and/or modify\nit under the terms of the {name} as published by\nthe Free Software Foundation; either version {version} of the License{}.\n\nThis program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n",
            if later { ", or\n(at your option) any later version" } else { "" }
        )
    };
    let cases = [
        (notice("GNU General Public License", "2", true), "GPL-2.0-or-later"),
        (notice("GNU General Public License", "3", false), "GPL-3.0-only"),
        (notice("GNU Lesser General Public License", "2.1", true), "LGPL-2.1-or-later"),
        (notice("GNU Library General Public License", "2", true), "LGPL-2.0-or-later"),
        (notice("GNU Affero General Public License", "3", true), "AGPL-3.0-or-later"),
    ];
    for (text, id) in cases {
        let r = run(&text, &Options::default());
        assert_eq!(r.license.id.as_deref(), Some(id), "{text}");
        assert_eq!(r.license.match_kind, MatchKind::Declared, "{text}");
        assert!(r.verdict.label.contains("not read"), "{text}: {}", r.verdict.label);
    }
    // A text that only mentions the GPL is not under it.
    let r = run("Unlike code under the GNU General Public License, this library may be used in any program.", &Options::default());
    assert_ne!(r.license.id.as_deref(), Some("GPL-2.0-or-later"));
}

#[test]
fn a_project_notice_beside_a_full_gnu_text_chooses_only_or_later() {
    let gpl = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/spdx/GPL-3.0-only.txt")).unwrap();
    // The text alone: its own "How to Apply" notice is a template and decides nothing.
    let alone = run(&gpl, &Options::default());
    let base = alone.license.id.clone().unwrap();
    assert!(base.starts_with("GPL-3.0"), "{base}");
    for notice in [
        "Acme is licensed under version 3 of the GNU General Public License or, at your option, any later version.\n\n",
        "Acme\nCopyright (C) 2026 Jane Doe\n\nThis program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n\n",
    ] {
        let r = run(&format!("{notice}{gpl}"), &Options::default());
        assert_eq!(r.license.id.as_deref(), Some("GPL-3.0-or-later"), "{notice}");
        let r = run(&format!("{gpl}\n\n{notice}"), &Options::default());
        assert_eq!(r.license.id.as_deref(), Some("GPL-3.0-or-later"), "after: {notice}");
    }
    // A notice that offers no later version: only.
    let r = run(&format!("Acme is licensed under version 3 of the GNU General Public License.\n\n{gpl}"), &Options::default());
    assert_eq!(r.license.id.as_deref(), Some("GPL-3.0-only"));
}
