//! The `solvo` command: serve, migrate, print the OpenAPI document, bootstrap the agency.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use solvo_api::config::ServerConfig;
use solvo_api::startup::{Application, open_database};
use solvo_api::{bootstrap, openapi, telemetry};

#[derive(Debug, Parser)]
#[command(name = "solvo", version, about = "Solvo: B2B credit collection")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
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
    /// Create the agency organisation and its first agency_admin (once).
    Bootstrap {
        /// The administrator's login email.
        #[arg(long)]
        email: String,
        /// The administrator's password (12 to 256 characters).
        #[arg(long, env = "SOLVO_BOOTSTRAP_PASSWORD", hide_env_values = true)]
        password: String,
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
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Serve(config) => serve(config),
        Command::Migrate { database_url } => {
            telemetry::init_tracing(false);
            open_database(&database_url, 1).map(|_| println!("migrations applied"))
        }
        Command::Openapi => openapi::document_json().map(|json| print!("{json}")),
        Command::Admin {
            command:
                AdminCommand::Bootstrap {
                    email,
                    password,
                    agency_name,
                    country,
                    database_url,
                },
        } => {
            telemetry::init_tracing(false);
            run_bootstrap(&database_url, &email, &password, &agency_name, &country)
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

fn serve(config: ServerConfig) -> anyhow::Result<()> {
    telemetry::init_tracing(config.log_json);
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config.clone()).await?;
        tracing::info!(port = app.port(), bind = %config.bind, "solvo is listening; API docs at /docs");
        app.run_until_stopped().await?;
        tracing::info!("stopped");
        Ok(())
    })
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
