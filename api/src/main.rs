//! The `solvo` command: serve, migrate, print the OpenAPI document, bootstrap the agency.

use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use solvo_api::config::ServerConfig;
use solvo_api::startup::{Application, open_database};
use solvo_api::{bootstrap, demo, openapi, telemetry};

/// mimalloc instead of glibc's malloc: glibc keeps what each thread frees in that thread's
/// arena, so the start-up work of every server worker (and each burst of requests) stayed
/// resident, about 30 MB per worker; it was also a sixth of a case read's CPU time. The
/// figures are in the README's benchmark section.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "solvo", version, about = "Solvo: B2B credit collection")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
#[expect(
    clippy::large_enum_variant,
    reason = "parsed once at start; boxing the server's settings would buy nothing"
)]
enum Command {
    /// Run the HTTP server (applies migrations first).
    Serve(ServerConfig),
    /// Apply pending database migrations and exit.
    Migrate {
        /// `sqlite://PATH`, a file path, or `postgres://…`.
        #[arg(long, env = "DATABASE_URL", default_value = "solvo.db")]
        database_url: String,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create the agency organisation and its first `agency_admin` (once). The password is read
    /// from `SOLVO_BOOTSTRAP_PASSWORD` or else the first line of standard input, never from the
    /// command line, which other users of the machine can read (`ps`) and shells keep.
    Bootstrap {
        /// The administrator's login email.
        #[arg(long)]
        email: String,
        /// The agency's name.
        #[arg(long, default_value = "Collection Agency")]
        agency_name: String,
        /// The agency's country (ISO 3166-1 alpha-2).
        #[arg(long, default_value = "NL")]
        country: String,
        /// `sqlite://PATH`, a file path, or `postgres://…`.
        #[arg(long, env = "DATABASE_URL", default_value = "solvo.db")]
        database_url: String,
    },
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    // `--demo` picks its own database unless one was named on the command line or in the
    // environment; clap's default value does not count as naming one.
    let database_named = matches
        .subcommand_matches("serve")
        .and_then(|serve| serve.value_source("database_url"))
        .is_some_and(|source| source != ValueSource::DefaultValue);
    let outcome = match cli.command {
        Command::Serve(config) => serve(config, database_named),
        Command::Migrate { database_url } => {
            telemetry::init_tracing(false);
            open_database(&database_url, 1).map(|_| println!("migrations applied"))
        }
        Command::Openapi => openapi::document_json().map(|json| print!("{json}")),
        Command::Admin {
            command:
                AdminCommand::Bootstrap {
                    email,
                    agency_name,
                    country,
                    database_url,
                },
        } => {
            telemetry::init_tracing(false);
            bootstrap_password().and_then(|password| {
                run_bootstrap(&database_url, &email, &password, &agency_name, &country)
            })
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(mut config: ServerConfig, database_named: bool) -> anyhow::Result<()> {
    telemetry::init_tracing(config.log_json);
    if config.demo && !database_named {
        demo::recreate_file(std::path::Path::new(demo::DEMO_DATABASE_FILE))?;
        demo::DEMO_DATABASE_FILE.clone_into(&mut config.database_url);
    }
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config.clone()).await?;
        if let Some(seed) = app.demo() {
            println!("{seed}");
        }
        tracing::info!(port = app.port(), bind = %config.bind, "solvo is listening; API docs at /docs");
        app.run_until_stopped().await?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// The bootstrap password: the environment's, or the first line of standard input.
fn bootstrap_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("SOLVO_BOOTSTRAP_PASSWORD") {
        return Ok(password);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprintln!("the administrator's password (12 to 256 characters), then Enter:");
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(
        !password.is_empty(),
        "give the password on standard input or in SOLVO_BOOTSTRAP_PASSWORD"
    );
    Ok(password)
}

fn run_bootstrap(
    database_url: &str,
    email: &str,
    password: &str,
    agency_name: &str,
    country: &str,
) -> anyhow::Result<()> {
    let pool = open_database(database_url, 1)?;
    let mut conn = pool.get()?;
    let created = bootstrap::bootstrap(&mut conn, email, password, agency_name, country)?;
    println!(
        "created agency {} and agency_admin {} ({email})",
        created.organisation_id, created.user_id
    );
    Ok(())
}
