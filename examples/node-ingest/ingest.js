'use strict';
// Feeds a JSON Lines file of statements (the ceasefire-monitor input contract) into the statements
// topic as Avro in Confluent's wire format, registering schemas/MinistryStatement.avsc first.
//
//   node ingest.js --file statements.jsonl [--bootstrap HOST:PORT] [--registry URL]
//                  [--topic ceasefire.statements] [--schemas ../../schemas]
//
// --bootstrap and --registry default to $CEASEFIRE_BOOTSTRAP_SERVERS and
// $CEASEFIRE_SCHEMA_REGISTRY_URL, as for the Java `ingest` command. The last line on stdout is the
// summary: "read N, sent N, rejected N". Exit code 0 when all were sent, 2 when some lines were
// rejected, 1 when the broker or the registry failed.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { Kafka, logLevel, CompressionTypes } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const BATCH = 500;
// ISO-8601 with a UTC offset: the contract rejects local times without one.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_FIELDS = ['published_at', 'incident_start', 'incident_end'];
const OPTIONAL_STRINGS = ['issuer_body', 'accused', 'refers_to', 'source_url', 'language', 'text', 'incident_end'];

function options(argv) {
  const parsed = {
    bootstrap: process.env.CEASEFIRE_BOOTSTRAP_SERVERS || 'localhost:9092',
    registry: process.env.CEASEFIRE_SCHEMA_REGISTRY_URL || 'http://localhost:8081',
    topic: 'ceasefire.statements',
    schemas: path.join(__dirname, '..', '..', 'schemas'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv[i]}`);
    }
    parsed[argv[i].slice(2)] = argv[i + 1];
  }
  if (!parsed.file) {
    throw new Error('--file is required');
  }
  return parsed;
}

// The registry takes one self-contained schema, so the named types imported from schemas/common
// are written inline at their first use, as Avro's own tools do.
function selfContainedSchema(schemasDir, fileName) {
  const named = {};
  const commonDir = path.join(schemasDir, 'common');
  for (const file of fs.readdirSync(commonDir).filter((f) => f.endsWith('.avsc'))) {
    const type = JSON.parse(fs.readFileSync(path.join(commonDir, file), 'utf8'));
    named[type.name] = type;
    named[`${type.namespace}.${type.name}`] = type;
  }
  const defined = new Set();
  const resolve = (type) => {
    if (typeof type === 'string') {
      const definition = named[type];
      if (!definition) return type;
      if (defined.has(`${definition.namespace}.${definition.name}`)) return type;
      return resolve(definition);
    }
    if (Array.isArray(type)) return type.map(resolve);
    if (type.type === 'record' || type.type === 'enum' || type.type === 'fixed') {
      defined.add(`${type.namespace}.${type.name}`);
    }
    if (type.type === 'record') {
      return { ...type, fields: type.fields.map((field) => ({ ...field, type: resolve(field.type) })) };
    }
    if (type.type === 'array') return { ...type, items: resolve(type.items) };
    if (type.type === 'map') return { ...type, values: resolve(type.values) };
    return type;
  };
  return resolve(JSON.parse(fs.readFileSync(path.join(schemasDir, fileName), 'utf8')));
}

// JSON statement -> the Avro record: times to epoch milliseconds, defaults filled in. Throws with
// the field and the reason when a value cannot be converted; the full contract is checked by the
// topology (and by the Java `ingest`), so this only guards what the encoding needs.
function toRecord(json) {
  for (const field of TIME_FIELDS) {
    const value = json[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
      throw new Error(`${field}: '${value}' is not an ISO-8601 time with an offset`);
    }
  }
  for (const field of ['statement_id', 'issuer', 'published_at', 'incident_start', 'claim']) {
    if (json[field] === undefined || json[field] === null) throw new Error(`${field}: required field is missing`);
  }
  const record = {
    statement_id: json.statement_id,
    revision: json.revision === undefined ? 1 : json.revision,
    retracted: json.retracted === undefined ? false : json.retracted,
    issuer: json.issuer,
    published_at: Date.parse(json.published_at),
    incident_start: Date.parse(json.incident_start),
    claim: json.claim,
    location: json.location === undefined || json.location === null ? '' : json.location,
    weapons: json.weapons || [],
    casualties: (json.casualties || []).map((c) => ({
      party: c.party, killed: c.killed || 0, wounded: c.wounded || 0, civilian: c.civilian || false,
    })),
  };
  for (const field of OPTIONAL_STRINGS) {
    record[field] = json[field] === undefined ? null : json[field];
  }
  if (record.incident_end !== null) record.incident_end = Date.parse(json.incident_end);
  return record;
}

async function main() {
  const opts = options(process.argv.slice(2));
  const registry = new SchemaRegistry({ host: opts.registry });
  const schema = selfContainedSchema(opts.schemas, 'MinistryStatement.avsc');
  const subject = `${opts.topic}-value`;
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });

  const kafka = new Kafka({ clientId: 'ceasefire-node-ingest', brokers: opts.bootstrap.split(','), logLevel: logLevel.ERROR });
  // Idempotent, acks=all: retries never duplicate a statement, as with the Java ingest.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let read = 0;
  let sent = 0;
  let rejected = 0;
  let batch = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await producer.send({ topic: opts.topic, acks: -1, compression: CompressionTypes.None, messages: batch });
    sent += batch.length;
    batch = [];
  };
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(opts.file, 'utf8'), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      read += 1;
      try {
        const record = toRecord(JSON.parse(line));
        batch.push({ key: record.statement_id, value: await registry.encode(id, record) });
      } catch (error) {
        rejected += 1;
        console.error(`${opts.file}:${lineNumber}: ${error.message}`);
        continue;
      }
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await producer.disconnect();
  }
  console.log(`schema id ${id} (subject ${subject})`);
  console.log(`read ${read}, sent ${sent}, rejected ${rejected}`);
  return rejected > 0 ? 2 : 0;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`node-ingest: ${error.message}`);
  process.exitCode = 1;
});
