fn main() {
    let t = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let needle = std::env::args().nth(2).unwrap();
    let v = fineprint::clauses::text::View::new(&t);
    let s = v.norm.find(&needle).unwrap();
    let (ss, _) = v.sentence(s, s + 4);
    let ls = v.list_start(ss);
    println!("list start: {:?}", &v.norm[ls..(ls + 100).min(v.norm.len())]);
    let mut cur = ss;
    for _ in 0..8 {
        let b = v.norm.as_bytes();
        let mut pe = cur;
        while pe > 0 && matches!(b[pe - 1], b' ' | b'\n') { pe -= 1; }
        let (ps, _) = v.sentence(pe - 1, pe);
        println!("  prev ends {:?}: {:?}", b[pe - 1] as char, &v.norm[ps..(ps + 70).min(pe)]);
        cur = ps;
    }
}
