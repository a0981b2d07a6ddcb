/**
 * How many SQL statements this process has sent to its database, counted by the query builder
 * (every statement of the hub's own code, including BEGIN and COMMIT on PostgreSQL). Reported as
 * `supporthub_db_statements_total` on /metrics, where a difference between two scrapes tells how
 * many statements a request or a job sent.
 */
let sent = 0;

/** The query builder's logger: called once per statement, before it is sent. */
export const statementCounter = {
	logQuery() {
		sent++;
	}
};

export const statementsSent = () => sent;
