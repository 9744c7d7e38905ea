package com.cloudsquad.analysis;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A curated map from exam domains (by a word of their name) and topics (the bank's tags) to AWS
 * documentation, for the fallback analyst, and the rule that keeps only AWS documentation links.
 */
final class AwsDocs {

    private static final String WA = "https://docs.aws.amazon.com/wellarchitected/latest/";

    /** Domain keyword (lower case, first match wins) to pages worth a day each. */
    private static final List<Map.Entry<String, List<AnalysisReport.DocLink>>> DOMAINS = List.of(
            Map.entry(
                    "secur",
                    List.of(
                            doc("Security pillar (Well-Architected)", WA + "security-pillar/welcome.html"),
                            doc(
                                    "IAM best practices",
                                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"),
                            doc(
                                    "AWS KMS concepts",
                                    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html"),
                            doc(
                                    "Shared responsibility model",
                                    "https://aws.amazon.com/compliance/shared-responsibility-model/"))),
            Map.entry(
                    "resilien",
                    List.of(
                            doc("Reliability pillar (Well-Architected)", WA + "reliability-pillar/welcome.html"),
                            doc(
                                    "Disaster recovery options in the cloud",
                                    WA + "reliability-pillar/rel_planning_for_recovery_disaster_recovery.html"),
                            doc(
                                    "Amazon SQS developer guide",
                                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html"),
                            doc(
                                    "Amazon EC2 Auto Scaling",
                                    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/what-is-amazon-ec2-auto-scaling.html"))),
            Map.entry(
                    "perform",
                    List.of(
                            doc(
                                    "Performance efficiency pillar (Well-Architected)",
                                    WA + "performance-efficiency-pillar/welcome.html"),
                            doc(
                                    "Amazon CloudFront developer guide",
                                    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Introduction.html"),
                            doc(
                                    "Amazon ElastiCache",
                                    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.html"),
                            doc(
                                    "Amazon EBS volume types",
                                    "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html"))),
            Map.entry(
                    "cost",
                    List.of(
                            doc(
                                    "Cost optimization pillar (Well-Architected)",
                                    WA + "cost-optimization-pillar/welcome.html"),
                            doc(
                                    "Savings Plans",
                                    "https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html"),
                            doc(
                                    "Amazon S3 storage classes",
                                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html"),
                            doc(
                                    "Spot Instances",
                                    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-instances.html"))),
            Map.entry(
                    "billing",
                    List.of(
                            doc("AWS pricing overview", "https://aws.amazon.com/pricing/"),
                            doc(
                                    "AWS Cost Explorer",
                                    "https://docs.aws.amazon.com/cost-management/latest/userguide/ce-what-is.html"),
                            doc("AWS Support plans", "https://aws.amazon.com/premiumsupport/plans/"),
                            doc(
                                    "AWS Organizations",
                                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_introduction.html"))),
            Map.entry(
                    "concept",
                    List.of(
                            doc(
                                    "Overview of Amazon Web Services",
                                    "https://docs.aws.amazon.com/whitepapers/latest/aws-overview/introduction.html"),
                            doc("AWS Well-Architected Framework", WA + "framework/welcome.html"),
                            doc("AWS Cloud Adoption Framework", "https://aws.amazon.com/cloud-adoption-framework/"))),
            Map.entry(
                    "technolog",
                    List.of(
                            doc(
                                    "Overview of Amazon Web Services",
                                    "https://docs.aws.amazon.com/whitepapers/latest/aws-overview/introduction.html"),
                            doc("AWS global infrastructure", "https://aws.amazon.com/about-aws/global-infrastructure/"),
                            doc(
                                    "Amazon VPC user guide",
                                    "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html"))));

    private static final List<AnalysisReport.DocLink> GENERAL =
            List.of(doc("AWS Well-Architected Framework", WA + "framework/welcome.html"));

    /** Topics (tags) to their service's main guide. */
    private static final Map<String, AnalysisReport.DocLink> TOPICS = Map.ofEntries(
            Map.entry(
                    "ec2",
                    doc("Amazon EC2 user guide", "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/concepts.html")),
            Map.entry(
                    "s3",
                    doc("Amazon S3 user guide", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html")),
            Map.entry(
                    "iam", doc("IAM user guide", "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction.html")),
            Map.entry(
                    "rds",
                    doc(
                            "Amazon RDS user guide",
                            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Welcome.html")),
            Map.entry(
                    "lambda",
                    doc("AWS Lambda developer guide", "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html")),
            Map.entry(
                    "kms",
                    doc(
                            "AWS KMS developer guide",
                            "https://docs.aws.amazon.com/kms/latest/developerguide/overview.html")),
            Map.entry(
                    "sqs",
                    doc(
                            "Amazon SQS developer guide",
                            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html")),
            Map.entry(
                    "elb",
                    doc(
                            "Elastic Load Balancing",
                            "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/what-is-load-balancing.html")),
            Map.entry(
                    "dynamodb",
                    doc(
                            "Amazon DynamoDB developer guide",
                            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html")),
            Map.entry(
                    "organizations",
                    doc(
                            "AWS Organizations user guide",
                            "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_introduction.html")),
            Map.entry(
                    "auto-scaling",
                    doc(
                            "Amazon EC2 Auto Scaling",
                            "https://docs.aws.amazon.com/autoscaling/ec2/userguide/what-is-amazon-ec2-auto-scaling.html")),
            Map.entry(
                    "cloudfront",
                    doc(
                            "Amazon CloudFront developer guide",
                            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Introduction.html")),
            Map.entry(
                    "ebs",
                    doc("Amazon EBS user guide", "https://docs.aws.amazon.com/ebs/latest/userguide/what-is-ebs.html")),
            Map.entry(
                    "vpc",
                    doc(
                            "Amazon VPC user guide",
                            "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html")),
            Map.entry(
                    "aurora",
                    doc(
                            "Amazon Aurora user guide",
                            "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_AuroraOverview.html")),
            Map.entry(
                    "route-53",
                    doc(
                            "Amazon Route 53 developer guide",
                            "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/Welcome.html")),
            Map.entry(
                    "cloudwatch",
                    doc(
                            "Amazon CloudWatch user guide",
                            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/WhatIsCloudWatch.html")),
            Map.entry(
                    "api-gateway",
                    doc(
                            "Amazon API Gateway developer guide",
                            "https://docs.aws.amazon.com/apigateway/latest/developerguide/welcome.html")),
            Map.entry("efs", doc("Amazon EFS user guide", "https://docs.aws.amazon.com/efs/latest/ug/whatisefs.html")),
            Map.entry(
                    "elasticache",
                    doc("Amazon ElastiCache", "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.html")),
            Map.entry(
                    "eventbridge",
                    doc(
                            "Amazon EventBridge user guide",
                            "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-what-is.html")),
            Map.entry(
                    "backup",
                    doc(
                            "AWS Backup developer guide",
                            "https://docs.aws.amazon.com/aws-backup/latest/devguide/whatisbackup.html")));

    private AwsDocs() {}

    private static AnalysisReport.DocLink doc(String title, String url) {
        return new AnalysisReport.DocLink(title, url);
    }

    static List<AnalysisReport.DocLink> forDomain(String domainName) {
        String name = domainName.toLowerCase(Locale.ROOT);
        return DOMAINS.stream()
                .filter(e -> name.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(GENERAL);
    }

    static Optional<AnalysisReport.DocLink> forTopic(String topic) {
        return Optional.ofNullable(TOPICS.get(topic.toLowerCase(Locale.ROOT)));
    }

    /** Only https links on docs.aws.amazon.com or aws.amazon.com (and nothing that merely ends like them). */
    static boolean isAwsDocumentation(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String host = uri.getHost();
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getUserInfo() == null
                    && host != null
                    && (host.equalsIgnoreCase("docs.aws.amazon.com") || host.equalsIgnoreCase("aws.amazon.com"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
