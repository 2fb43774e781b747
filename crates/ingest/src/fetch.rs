//! Fetching pages over HTTP(S): rustls, time limits, a redirect limit, a size limit,
//! gzip and brotli, and a User-Agent that says who is asking. Every failure names the URL
//! and the reason in words a fact-checker can act on.

use std::io::Read;
use std::time::Duration;
use thiserror::Error;

/// Limits for one fetch.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    /// Connecting, sending and receiving together.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_redirects: u32,
    /// The largest body accepted (after decompression).
    pub max_bytes: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 8,
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// What a server sent for a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL asked for.
    pub url: String,
    /// Where the page was finally found, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a page could not be fetched. Messages complete "`<URL>` …".
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FetchError {
    #[error("is not a web address factdesk can fetch (use http:// or https://)")]
    InvalidUrl,
    #[error("could not be reached: the host name was not found (DNS)")]
    Dns,
    #[error("could not be reached: {0}")]
    Connect(String),
    #[error("did not answer in time ({0} s)")]
    Timeout(u64),
    #[error("redirected more than {0} times (a redirect loop?)")]
    TooManyRedirects(u32),
    #[error("answered {0}")]
    Status(String),
    #[error("is larger than {0} MB, the most factdesk fetches")]
    TooLarge(u64),
    #[error("is not a web page (the server says {0})")]
    NotHtml(String),
    #[error("could not be fetched: {0}")]
    Other(String),
}

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "factdesk/",
    env!("CARGO_PKG_VERSION"),
    " (fact-checking workbench; archives pages it is asked to)"
);

/// Fetches web pages with one set of limits; reuses connections.
pub struct Fetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
}

impl Fetcher {
    pub fn new(limits: FetchLimits) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(limits.timeout))
            .timeout_connect(Some(limits.connect_timeout))
            .max_redirects(limits.max_redirects)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build();
        Fetcher {
            agent: config.into(),
            limits,
        }
    }

    /// Fetches `url`; only HTML (or XHTML, or an unlabeled body) is accepted.
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(FetchError::InvalidUrl);
        }
        let mut response = self
            .agent
            .get(url)
            .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
            .call()
            .map_err(|e| self.describe(e))?;
        let status = response.status();
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(FetchError::Status(
                format!("{} {reason}", status.as_u16())
                    .trim_end()
                    .to_string(),
            ));
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(kind) = &content_type {
            let mime = kind
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let html_like = mime.is_empty()
                || mime == "text/html"
                || mime == "application/xhtml+xml"
                || mime == "text/plain";
            if !html_like {
                return Err(FetchError::NotHtml(mime));
            }
        }
        let final_url = ureq::ResponseExt::get_uri(&response).to_string();
        let mut bytes = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(self.limits.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| self.describe_io(e))?;
        if bytes.len() as u64 > self.limits.max_bytes {
            return Err(FetchError::TooLarge(self.limits.max_bytes / (1024 * 1024)));
        }
        Ok(Fetched {
            url: url.to_string(),
            final_url,
            content_type,
            bytes,
        })
    }

    fn describe(&self, error: ureq::Error) -> FetchError {
        match error {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.limits.timeout.as_secs()),
            ureq::Error::TooManyRedirects => {
                FetchError::TooManyRedirects(self.limits.max_redirects)
            }
            ureq::Error::HostNotFound => FetchError::Dns,
            ureq::Error::BadUri(_) => FetchError::InvalidUrl,
            ureq::Error::ConnectionFailed => FetchError::Connect("the connection failed".into()),
            ureq::Error::Io(e) => self.describe_io(e),
            ureq::Error::Tls(e) => FetchError::Connect(format!("TLS failed: {e}")),
            other => FetchError::Other(other.to_string()),
        }
    }

    fn describe_io(&self, error: std::io::Error) -> FetchError {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => {
                FetchError::Timeout(self.limits.timeout.as_secs())
            }
            ErrorKind::ConnectionRefused => {
                FetchError::Connect("the connection was refused".into())
            }
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::UnexpectedEof => {
                FetchError::Connect("the connection was closed before the page arrived".into())
            }
            _ => {
                // ureq wraps its own errors (a timeout while reading the body) in io errors.
                match error
                    .into_inner()
                    .and_then(|inner| inner.downcast::<ureq::Error>().ok())
                {
                    Some(inner) => self.describe(*inner),
                    None => {
                        FetchError::Other("the connection failed while reading the page".into())
                    }
                }
            }
        }
    }
}
