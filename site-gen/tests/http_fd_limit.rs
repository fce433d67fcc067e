//! The dev server out of file descriptors: `accept` fails with EMFILE while the listen queue
//! stays ready, and the server must pause rather than spin, then serve again once descriptors
//! are free. A test binary of its own: it lowers this process's descriptor limit.
#![cfg(target_os = "linux")]
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use std::{fs, thread};

use kyoyu_site_gen::http::{self, Limits};
use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};

/// CPU time (user + system) this process has used, from its /proc/self/stat (opened before the
/// descriptors run out, read again from the start each time), in clock ticks.
fn cpu_ticks(stat: &fs::File) -> u64 {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; 4096];
    let n = stat.read_at(&mut buf, 0).unwrap();
    let stat = String::from_utf8_lossy(&buf[..n]);
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    // Fields 14 and 15 of proc(5) (utime, stime); `after_name` starts at field 3.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn open_fds() -> u64 {
    fs::read_dir("/proc/self/fd").unwrap().count() as u64
}

#[test]
fn out_of_file_descriptors_the_server_pauses_instead_of_spinning_and_recovers() {
    let dist = std::env::temp_dir().join(format!("kyoyu-http-fd-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(&dist).unwrap();
    fs::write(
        dist.join("index.html"),
        "<!doctype html><title>home</title>",
    )
    .unwrap();
    let listener = http::bind(0).unwrap();
    let port = listener.local_addr().unwrap().port();
    // A cap far above the descriptors left, so that accept itself runs out.
    let limits = Limits {
        max_connections: 100_000,
        ..Limits::default()
    };
    let root = dist.clone();
    thread::spawn(move || http::run(listener, root, limits));
    assert!(get_ok(port), "the server answers before the limit");

    let stat = fs::File::open("/proc/self/stat").unwrap();
    let old = getrlimit(Resource::Nofile);
    let low = open_fds() + 40;
    setrlimit(
        Resource::Nofile,
        Rlimit {
            current: Some(low),
            maximum: old.maximum,
        },
    )
    .unwrap();
    // Connect until this process (clients and the server's accepted sockets alike) has no
    // descriptor left; the kernel queues the connections the server cannot accept.
    let mut clients = Vec::new();
    while clients.len() < 200 {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => clients.push(s),
            Err(_) => break,
        }
    }
    assert!(clients.len() < 200, "the descriptor limit was reached");
    thread::sleep(Duration::from_millis(500));
    let (t0, c0) = (Instant::now(), cpu_ticks(&stat));
    thread::sleep(Duration::from_secs(2));
    let ticks_per_s = 100.0; // USER_HZ on Linux
    let cpu = (cpu_ticks(&stat) - c0) as f64 / ticks_per_s;
    let wall = t0.elapsed().as_secs_f64();
    // Pausing, the server is asleep: no tick at all here. Spinning, it took 0.8 s of the 2 s even on
    // a machine with a load of 12.
    assert!(
        cpu < 0.1 * wall,
        "the server used {cpu:.2} s of CPU in {wall:.2} s with accept failing: a busy loop"
    );

    drop(clients);
    setrlimit(Resource::Nofile, old).unwrap();
    let until = Instant::now() + Duration::from_secs(10);
    while !get_ok(port) {
        assert!(
            Instant::now() < until,
            "the server did not recover once descriptors were free"
        );
        thread::sleep(Duration::from_millis(100));
    }
    let _ = fs::remove_dir_all(&dist);
}

fn get_ok(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    if write!(
        s,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .is_err()
    {
        return false;
    }
    let mut head = [0u8; 12];
    s.read_exact(&mut head).is_ok() && &head == b"HTTP/1.1 200"
}
