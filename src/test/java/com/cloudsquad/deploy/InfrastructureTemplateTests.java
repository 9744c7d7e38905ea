package com.cloudsquad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CloudFormation template (deploy/infrastructure/cloudsquad.yaml) read as CloudFormation
 * would: cfn-lint cannot be installed here, so this checks the structure the issue asks for, that
 * every reference points at something, and that the permissions stay narrow.
 */
class InfrastructureTemplateTests {

    static final Path TEMPLATE = Path.of("deploy/infrastructure/cloudsquad.yaml");
    static final Set<String> PSEUDO_PARAMETERS =
            Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::URLSuffix");

    static Map<String, Object> template;
    static Map<String, Object> parameters;
    static Map<String, Object> resources;

    @BeforeAll
    static void load() throws IOException {
        template = parse(Files.readString(TEMPLATE));
        parameters = map(template.get("Parameters"));
        resources = map(template.get("Resources"));
    }

    /** YAML with CloudFormation's short tags (!Ref x becomes {"Ref": x}, !Sub s {"Fn::Sub": s}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        class CloudFormationConstructor extends SafeConstructor {
            CloudFormationConstructor() {
                super(new LoaderOptions());
                yamlMultiConstructors.put("!", new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        String tag = node.getTag().getValue().substring(1);
                        String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            value = constructScalar(scalar);
                        } else if (node instanceof SequenceNode sequence) {
                            value = constructSequence(sequence);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        if (key.equals("Fn::GetAtt") && value instanceof String dotted) {
                            value = List.of(dotted.split("\\.", 2));
                        }
                        return Map.of(key, value);
                    }
                });
            }
        }
        return (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(yaml);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    static Map<String, Object> properties(String resource) {
        return map(map(resources.get(resource)).get("Properties"));
    }

    static List<String> resourcesOfType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The Elastic Beanstalk option settings as namespace:option -> value. */
    static Map<String, Object> optionSettings() {
        String environment =
                resourcesOfType("AWS::ElasticBeanstalk::Environment").get(0);
        Map<String, Object> options = new LinkedHashMap<>();
        for (Object setting : list(properties(environment).get("OptionSettings"))) {
            Map<String, Object> s = map(setting);
            Object previous = options.put(s.get("Namespace") + ":" + s.get("OptionName"), s.get("Value"));
            assertThat(previous).as("set once: %s", s).isNull();
        }
        return options;
    }

    static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    @Test
    void theTemplateIsCloudFormationWithTheParametersBothEnvironmentsNeed() {
        assertThat(template.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        assertThat(parameters)
                .containsKeys(
                        "EnvironmentName",
                        "CertificateArn",
                        "SourceBundleBucket",
                        "SourceBundleKey",
                        "AlarmEmail",
                        "AdminEmails",
                        "InstanceType",
                        "MinInstances",
                        "MaxInstances",
                        "DbInstanceClass",
                        "DbMultiAZ",
                        "DbPoolSize",
                        "BedrockRegion",
                        "BedrockModelId");
        assertThat(map(parameters.get("EnvironmentName")).get("AllowedValues")).isEqualTo(List.of("stage", "prod"));
        assertThat(map(template.get("Outputs")))
                .containsKeys(
                        "Url", "DatabaseEndpoint", "DatabasePasswordSecretArn", "ImagesBucketName", "AlarmTopicArn");
    }

    @Test
    void everyReferencePointsAtAParameterAResourceOrAPseudoParameter() {
        Set<String> known = new HashSet<>(parameters.keySet());
        known.addAll(resources.keySet());
        known.addAll(PSEUDO_PARAMETERS);
        Set<String> conditions = map(template.get("Conditions")).keySet();
        List<String> dangling = new ArrayList<>();
        walk(template, (key, value) -> {
            switch (key) {
                case "Ref" -> {
                    if (!known.contains(value)) dangling.add("Ref " + value);
                }
                case "Fn::GetAtt" -> {
                    if (!resources.containsKey(list(value).get(0))) dangling.add("GetAtt " + value);
                }
                case "Fn::Sub" -> {
                    Object text = value instanceof List<?> l ? l.get(0) : value;
                    Matcher names = Pattern.compile("\\$\\{([^}!]+)}").matcher((String) text);
                    while (names.find()) {
                        String name = names.group(1).split("\\.")[0];
                        if (!known.contains(name) && !names.group(1).startsWith("AWS::")) {
                            dangling.add("Sub " + names.group(1));
                        }
                    }
                }
                case "Fn::If" -> {
                    if (!conditions.contains(list(value).get(0))) dangling.add("If " + value);
                }
                default -> {}
            }
        });
        assertThat(dangling).isEmpty();
        assertThat(resources.values())
                .allSatisfy(r -> assertThat(map(r).get("Type")).asString().startsWith("AWS::"));
    }

    @SuppressWarnings("unchecked")
    static void walk(Object node, java.util.function.BiConsumer<String, Object> visitor) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                visitor.accept((String) k, v);
                walk(v, visitor);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, visitor));
        }
    }

    @Test
    void instancesAndDatabaseLiveInPrivateSubnetsBehindANatGateway() {
        assertThat(resourcesOfType("AWS::EC2::VPC")).hasSize(1);
        assertThat(resourcesOfType("AWS::EC2::NatGateway")).hasSize(1);
        assertThat(resourcesOfType("AWS::EC2::Subnet"))
                .containsExactlyInAnyOrder("PublicSubnetA", "PublicSubnetB", "PrivateSubnetA", "PrivateSubnetB");
        assertThat(properties("PrivateDefaultRoute").get("NatGatewayId")).isEqualTo(ref("NatGateway"));
        assertThat(properties("PublicDefaultRoute").get("GatewayId")).isEqualTo(ref("InternetGateway"));

        Map<String, Object> options = optionSettings();
        assertThat(options.get("aws:ec2:vpc:Subnets").toString())
                .contains("PrivateSubnetA", "PrivateSubnetB")
                .doesNotContain("Public");
        assertThat(options.get("aws:ec2:vpc:ELBSubnets").toString())
                .contains("PublicSubnetA", "PublicSubnetB")
                .doesNotContain("Private");
        assertThat(options.get("aws:ec2:vpc:AssociatePublicIpAddress")).isEqualTo("false");
        assertThat(properties("DatabaseSubnetGroup").get("SubnetIds"))
                .isEqualTo(List.of(ref("PrivateSubnetA"), ref("PrivateSubnetB")));
        // MySQL only from the instances
        Map<String, Object> ingress =
                map(list(properties("DatabaseSecurityGroup").get("SecurityGroupIngress"))
                        .get(0));
        assertThat(ingress)
                .containsEntry("FromPort", 3306)
                .containsEntry("SourceSecurityGroupId", ref("InstanceSecurityGroup"));
    }

    @Test
    void theDatabaseIsMySql8EncryptedBackedUpWithItsPasswordInSecretsManager() {
        Map<String, Object> db = properties("Database");
        assertThat(db.get("Engine")).isEqualTo("mysql");
        assertThat((String) db.get("EngineVersion")).startsWith("8.");
        assertThat(db.get("StorageEncrypted")).isEqualTo(true);
        assertThat(db.get("PubliclyAccessible")).isEqualTo(false);
        assertThat(db.get("MultiAZ")).isEqualTo(Map.of("Fn::If", List.of("UseMultiAZ", true, false)));
        assertThat(map(template.get("Conditions")).get("UseMultiAZ"))
                .isEqualTo(Map.of("Fn::Equals", List.of(ref("DbMultiAZ"), "true")));
        assertThat(db.get("BackupRetentionPeriod")).isEqualTo(ref("DbBackupRetentionDays"));
        assertThat(db.get("MasterUserPassword"))
                .isEqualTo(Map.of("Fn::Sub", "{{resolve:secretsmanager:${DatabasePasswordSecret}}}"));
        assertThat(map(resources.get("DatabasePasswordSecret")).get("Type")).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(map(resources.get("Database")).get("DeletionPolicy")).isEqualTo("Snapshot");
    }

    @Test
    void theEnvironmentRunsBehindAnHttpsLoadBalancerWithHealthChecksScalingAndRollingDeploys() {
        Map<String, Object> options = optionSettings();
        assertThat(options)
                .containsEntry("aws:elasticbeanstalk:environment:LoadBalancerType", "application")
                .containsEntry("aws:elbv2:listener:443:Protocol", "HTTPS")
                .containsEntry("aws:elbv2:listener:443:SSLCertificateArns", ref("CertificateArn"))
                .containsEntry(
                        "aws:elasticbeanstalk:environment:process:default:HealthCheckPath",
                        "/actuator/health/readiness")
                .containsEntry("aws:elasticbeanstalk:healthreporting:system:SystemType", "enhanced")
                .containsEntry("aws:autoscaling:asg:MinSize", ref("MinInstances"))
                .containsEntry("aws:autoscaling:asg:MaxSize", ref("MaxInstances"))
                .containsEntry("aws:autoscaling:trigger:MeasureName", "CPUUtilization")
                .containsEntry("aws:ec2:instances:InstanceTypes", ref("InstanceType"));
        assertThat(options.get("aws:elasticbeanstalk:command:DeploymentPolicy"))
                .isIn("RollingWithAdditionalBatch", "Immutable");
        // the health metrics the alarms read are published by enhanced health
        String healthConfig = (String) options.get("aws:elasticbeanstalk:healthreporting:system:ConfigDocument");
        Map<String, Object> metrics = map(map(map(JsonMapper.builder().build().readValue(healthConfig, Map.class))
                        .get("CloudWatchMetrics"))
                .get("Environment"));
        assertThat(metrics)
                .containsKeys(
                        "ApplicationRequests5xx",
                        "ApplicationRequestsTotal",
                        "ApplicationLatencyP99",
                        "InstancesSevere");
    }

    @Test
    void theEnvironmentHandsTheAppWhatItReads() {
        Map<String, Object> options = optionSettings();
        String env = "aws:elasticbeanstalk:application:environment:";
        assertThat(options)
                .containsEntry(env + "SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry(env + "RDS_HOSTNAME", Map.of("Fn::GetAtt", List.of("Database", "Endpoint.Address")))
                .containsEntry(env + "RDS_PORT", Map.of("Fn::GetAtt", List.of("Database", "Endpoint.Port")))
                .containsEntry(env + "RDS_DB_NAME", properties("Database").get("DBName"))
                .containsEntry(env + "RDS_USERNAME", properties("Database").get("MasterUsername"))
                .containsEntry(env + "APP_IMAGES_S3_BUCKET", ref("ImagesBucket"))
                .containsEntry(env + "APP_ADMIN_EMAILS", ref("AdminEmails"))
                .containsEntry(env + "DB_POOL_SIZE", ref("DbPoolSize"))
                .containsEntry(env + "APP_ENVIRONMENT", ref("EnvironmentName"))
                .containsKeys(env + "APP_BEDROCK_REGION", env + "APP_BEDROCK_MODEL_ID");
        // the password never sits in the environment configuration in plain text
        assertThat(options)
                .containsEntry(
                        "aws:elasticbeanstalk:application:environmentsecrets:RDS_PASSWORD",
                        ref("DatabasePasswordSecret"))
                .doesNotContainKey(env + "RDS_PASSWORD");
    }

    @Test
    void theImagesBucketIsPrivateAndEncrypted() {
        Map<String, Object> bucket = properties("ImagesBucket");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")))
                .containsEntry("BlockPublicAcls", true)
                .containsEntry("BlockPublicPolicy", true)
                .containsEntry("IgnorePublicAcls", true)
                .containsEntry("RestrictPublicBuckets", true);
        assertThat(map(bucket.get("BucketEncryption")).toString()).contains("SSEAlgorithm");
    }

    @Test
    void iamPoliciesNameTheirActionsAndBedrockAndS3OnlyTheirOwnResources() {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (String role : resourcesOfType("AWS::IAM::Role")) {
            for (Object policy : list(properties(role).getOrDefault("Policies", List.of()))) {
                list(map(map(policy).get("PolicyDocument")).get("Statement")).forEach(s -> statements.add(map(s)));
            }
        }
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            List<String> actions = list(statement.get("Action")).stream()
                    .map(String.class::cast)
                    .toList();
            assertThat(actions).as("actions of %s", statement.get("Sid")).allSatisfy(action -> assertThat(action)
                    .doesNotContain("*"));
            boolean bedrockOrS3 = actions.stream().anyMatch(a -> a.startsWith("bedrock:") || a.startsWith("s3:"));
            if (bedrockOrS3) {
                assertThat(list(statement.get("Resource")))
                        .as("resources of %s", statement.get("Sid"))
                        .noneMatch(r -> r.equals("*") || r.toString().contains("::*"));
            }
        }
        Map<String, List<String>> actionsBySid = statements.stream()
                .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> list(s.get("Action")).stream()
                        .map(String.class::cast)
                        .toList()));
        assertThat(actionsBySid.get("BedrockConfiguredModelOnly"))
                .containsExactly("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");
        Map<String, Object> bedrock = statements.stream()
                .filter(s -> "BedrockConfiguredModelOnly".equals(s.get("Sid")))
                .findFirst()
                .orElseThrow();
        assertThat(bedrock.get("Resource").toString()).contains("foundation-model/${BedrockModelId}");
        assertThat(statements.stream()
                        .filter(s -> s.get("Sid").toString().startsWith("ImagesBucket"))
                        .map(s -> s.get("Resource").toString()))
                .allSatisfy(r -> assertThat(r).contains("ImagesBucket"));
    }

    @Test
    void alarmsCoverErrorsLatencyHostsAndTheDatabaseAndNotifyTheTopic() {
        List<String> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        Set<String> watched = new HashSet<>();
        for (String alarm : alarms) {
            Map<String, Object> p = properties(alarm);
            assertThat(p.get("AlarmActions")).as(alarm).isEqualTo(List.of(ref("AlarmTopic")));
            walk(p, (key, value) -> {
                if (key.equals("MetricName")) watched.add((String) value);
            });
        }
        assertThat(watched)
                .contains(
                        "ApplicationRequests5xx",
                        "ApplicationLatencyP99",
                        "InstancesSevere",
                        "CPUUtilization",
                        "DatabaseConnections",
                        "FreeStorageSpace");
        assertThat(map(resources.get("AlarmTopic")).get("Type")).isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void stageAndProdParameterFilesFillTheTemplateAndProdIsMultiAzWithinTheConnectionLimit() throws IOException {
        Map<String, String> stage = parameterFile("stage");
        Map<String, String> prod = parameterFile("prod");
        for (Map<String, String> file : List.of(stage, prod)) {
            assertThat(parameters).containsKeys(file.keySet().toArray(String[]::new));
            parameters.forEach((name, definition) -> {
                if (!map(definition).containsKey("Default")) {
                    assertThat(file).as("required parameter").containsKey(name);
                }
            });
            // pool x (max instances + the additional rolling batch) + operators within max_connections
            int maxConnections = approximateMaxConnections(file.get("DbInstanceClass"));
            int used = Integer.parseInt(file.get("DbPoolSize")) * (Integer.parseInt(file.get("MaxInstances")) + 1) + 10;
            assertThat(used).as(file.get("EnvironmentName")).isLessThanOrEqualTo(maxConnections);
            assertThat(Integer.parseInt(file.get("DbConnectionsAlarmThreshold")))
                    .isLessThan(maxConnections);
        }
        assertThat(prod).containsEntry("EnvironmentName", "prod").containsEntry("DbMultiAZ", "true");
        assertThat(stage).containsEntry("EnvironmentName", "stage").containsEntry("DbMultiAZ", "false");
        assertThat(stage.get("VpcCidr")).isNotEqualTo(prod.get("VpcCidr"));
    }

    /** RDS MySQL's default {DBInstanceClassMemory/12582880}, as the console reports it (rounded down). */
    static int approximateMaxConnections(String instanceClass) {
        return switch (instanceClass) {
            case "db.t4g.micro" -> 60;
            case "db.t4g.small" -> 140;
            case "db.t4g.medium" -> 300;
            default -> throw new IllegalArgumentException("add the figure for " + instanceClass);
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> parameterFile(String environment) throws IOException {
        List<Map<String, String>> entries = JsonMapper.builder()
                .build()
                .readValue(
                        Path.of("deploy/infrastructure/" + environment + "-parameters.json")
                                .toFile(),
                        List.class);
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach(e -> values.put(e.get("ParameterKey"), e.get("ParameterValue")));
        return values;
    }
}
