'use strict';
// An independent Confluent-compatible producer and consumer (kafkajs and
// @kafkajs/confluent-schema-registry), driven by NodeInteropIT:
//   node interop.js produce --bootstrap H:P --registry URL --topic T --schemas DIR --statement JSON
//   node interop.js consume --bootstrap H:P --registry URL --topic T
// The outcome is printed as one line "RESULT <json>" on stdout.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const fs = require('fs');
const path = require('path');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const TIMEOUT_MS = 60000;

function options(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv[i]}`);
    }
    parsed[argv[i].slice(2)] = argv[i + 1];
  }
  return parsed;
}

// The registry takes one self-contained schema, so the named types of schemas/common are
// written inline at their first use, as Avro's own tools do.
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
      const fullName = `${definition.namespace}.${definition.name}`;
      if (defined.has(fullName)) return type;
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

function kafka(bootstrap) {
  return new Kafka({ clientId: 'ceasefire-interop', brokers: [bootstrap], logLevel: logLevel.ERROR });
}

async function produce(opts) {
  const registry = new SchemaRegistry({ host: opts.registry });
  const schema = selfContainedSchema(opts.schemas, 'MinistryStatement.avsc');
  const subject = `${opts.topic}-value`;
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
  const statement = JSON.parse(opts.statement);
  const value = await registry.encode(id, statement);
  const producer = kafka(opts.bootstrap).producer();
  await producer.connect();
  try {
    await producer.send({ topic: opts.topic, messages: [{ key: statement.statement_id, value }] });
  } finally {
    await producer.disconnect();
  }
  return { id, subject, bytes: value.length };
}

async function consume(opts) {
  const registry = new SchemaRegistry({ host: opts.registry });
  const consumer = kafka(opts.bootstrap).consumer({ groupId: `interop-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
    const received = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record on ${opts.topic} within ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS);
      consumer.run({
        eachMessage: async ({ message }) => {
          clearTimeout(timer);
          try {
            resolve({ key: message.key.toString(), value: await registry.decode(message.value) });
          } catch (e) {
            reject(e);
          }
        },
      }).catch(reject);
    });
    return received;
  } finally {
    await consumer.disconnect();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const opts = options(rest);
  const commands = { produce, consume };
  if (!commands[command]) throw new Error(`unknown command ${command}; use produce or consume`);
  const result = await commands[command](opts);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().then(() => process.exit(0)).catch((error) => {
  process.stderr.write(`interop failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
